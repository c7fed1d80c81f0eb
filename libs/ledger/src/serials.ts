import { INSTRUMENTS } from '@app/domain';
import type { LedgerState } from './state';
import { isTerminal, type Block, type Piece } from './types';

/** Human-readable, immutable serial identifier, e.g. `CQ-CQCER-2024-CQ-FOR-001-000000001001`. */
export function formatSerial(block: Block, serial: number): string {
  const parts = [block.jurisdiction, block.kind, String(block.vintage)];
  if (block.projectId !== undefined) parts.push(block.projectId);
  parts.push(String(serial).padStart(12, '0'));
  return parts.join('-');
}

/**
 * Units of limited validity are expired after their last valid year: the block's own
 * `validThrough` when the issuer set one, else `vintage + validityYears − 1` of the instrument
 * (pollutant rights: 5 years from vintage). Allowances have no expiry while banking is allowed.
 */
export function isExpired(block: Block, year: number): boolean {
  if (block.validThrough !== undefined) return year > block.validThrough;
  const validity = INSTRUMENTS[block.kind].validityYears;
  return validity !== undefined && year >= block.vintage + validity;
}

/** Unlocked pieces in non-terminal accounts whose block has expired in `year`, by serial. */
export function expiredPieces(state: LedgerState, year: number): Piece[] {
  return Object.values(state.holdings)
    .flat()
    .filter((p) => {
      const account = state.accounts[p.accountId];
      const block = state.blocks[p.blockId];
      return (
        account &&
        block &&
        !isTerminal(account.accountType) &&
        p.lockId === undefined &&
        isExpired(block, year)
      );
    })
    .sort((a, b) => a.start - b.start);
}

/** Non-terminal pieces whose block has expired in `year`: candidates for cancellation. */
export function expiredHoldings(
  state: LedgerState,
  year: number,
): { accountId: string; blockId: string; quantity: number }[] {
  const out: { accountId: string; blockId: string; quantity: number }[] = [];
  for (const [accountId, pieces] of Object.entries(state.holdings)) {
    const acc = state.accounts[accountId];
    if (
      !acc ||
      acc.accountType === 'SURRENDER' ||
      acc.accountType === 'RETIREMENT' ||
      acc.accountType === 'CANCELLATION'
    )
      continue;
    for (const p of pieces) {
      const b = state.blocks[p.blockId];
      if (b && isExpired(b, year)) out.push({ accountId, blockId: p.blockId, quantity: p.end - p.start + 1 });
    }
  }
  return out;
}
