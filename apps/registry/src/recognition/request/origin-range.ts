import { allPieces, TERMINAL_ACCOUNT_TYPES, type Block, type LedgerState } from '@app/ledger';
import { RECOGNITION_ERRORS, RecognitionError, type RegistryHold, type SerialRange } from '@app/recognition';

/** The origin block the range lies in: a recognised range is one block (one kind, vintage and project). */
export function originBlockOf(ledger: LedgerState, range: SerialRange): Block {
  const block = Object.values(ledger.blocks).find((b) => b.start <= range.start && range.start <= b.end);
  if (!block)
    throw new RecognitionError('RECOGNITION.SERIAL_NOT_FOUND', `no block holds serial ${range.start}`, {
      field: 'serialStart',
    });
  if (range.end < range.start || range.end > block.end)
    throw new RecognitionError(
      RECOGNITION_ERRORS.BAD_PARAMETER,
      `serialEnd must lie in ${range.start}..${block.end} (one issuance block)`,
      { field: 'serialEnd' },
    );
  return block;
}

/** What the origin registry itself holds on the range: locked pieces, and pieces surrendered, retired or cancelled. */
export function registryHolds(ledger: LedgerState, range: SerialRange): RegistryHold[] {
  const holds: RegistryHold[] = [];
  for (const p of allPieces(ledger)) {
    if (p.end < range.start || p.start > range.end) continue;
    const type = ledger.accounts[p.accountId]?.accountType;
    const piece = { start: p.start, end: p.end };
    if (type && TERMINAL_ACCOUNT_TYPES.includes(type)) holds.push({ range: piece, status: 'cancelled' });
    else if (p.lockId !== undefined) holds.push({ range: piece, status: 'locked' });
  }
  return holds;
}
