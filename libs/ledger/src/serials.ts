import { INSTRUMENTS } from '@app/domain';
import type { LedgerState } from './state';
import type { Block } from './types';

/** Human-readable, immutable serial identifier, e.g. `CQ-CQCER-2024-CQ-FOR-001-000000001001`. */
export function formatSerial(block: Block, serial: number): string {
  const parts = [block.jurisdiction, block.kind, String(block.vintage)];
  if (block.projectId !== undefined) parts.push(block.projectId);
  parts.push(String(serial).padStart(12, '0'));
  return parts.join('-');
}

/** Units of limited validity (pollutant rights: 5 years from vintage) are expired from `vintage + validityYears`. */
export function isExpired(block: Block, year: number): boolean {
  const validity = INSTRUMENTS[block.kind].validityYears;
  return validity !== undefined && year >= block.vintage + validity;
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
