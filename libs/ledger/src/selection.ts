import type { UnitSelection } from './commands';
import { LEDGER_ERRORS, LedgerError } from './errors';
import type { LedgerState } from './state';
import { rangeSize, type SerialRange } from './types';

export interface Picked {
  readonly ranges: readonly SerialRange[];
  readonly quantity: number;
}

function assertPositiveInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new LedgerError(LEDGER_ERRORS.BAD_QUANTITY, `${what} must be a positive integer, got ${n}`, {
      [what]: n,
    });
  }
}

/**
 * Resolve a selection to concrete serial ranges held unlocked by `accountId`.
 * `quantity` picks lowest serials first among matching pieces; `serials` must be held in full.
 */
export function pickUnits(state: LedgerState, accountId: string, sel: UnitSelection): Picked {
  return sel.by === 'serials'
    ? pickSerials(state, accountId, sel.start, sel.end)
    : pickQuantity(state, accountId, sel);
}

function pickSerials(state: LedgerState, accountId: string, start: number, end: number): Picked {
  assertPositiveInt(start, 'start');
  assertPositiveInt(end, 'end');
  if (end < start)
    throw new LedgerError(LEDGER_ERRORS.BAD_SERIAL_RANGE, `end ${end} < start ${start}`, { start, end });
  const ranges: SerialRange[] = [];
  let cursor = start;
  for (const p of state.holdings[accountId] ?? []) {
    if (p.end < cursor) continue;
    if (p.start > cursor) break;
    if (p.lockId !== undefined) {
      throw new LedgerError(LEDGER_ERRORS.UNITS_LOCKED, `serial ${cursor} is locked by ${p.lockId}`, {
        serial: cursor,
        lockId: p.lockId,
      });
    }
    const to = Math.min(p.end, end);
    ranges.push({ blockId: p.blockId, start: cursor, end: to });
    cursor = to + 1;
    if (cursor > end) break;
  }
  if (cursor <= end) {
    throw new LedgerError(LEDGER_ERRORS.SERIALS_NOT_HELD, `serial ${cursor} is not held by ${accountId}`, {
      serial: cursor,
      accountId,
    });
  }
  return { ranges, quantity: end - start + 1 };
}

function pickQuantity(
  state: LedgerState,
  accountId: string,
  sel: Extract<UnitSelection, { by: 'quantity' }>,
): Picked {
  assertPositiveInt(sel.quantity, 'quantity');
  const ranges: SerialRange[] = [];
  let need = sel.quantity;
  let lockedMatching = 0;
  for (const p of state.holdings[accountId] ?? []) {
    if (need === 0) break;
    const b = state.blocks[p.blockId];
    if (!b || b.jurisdiction !== sel.jurisdiction || b.kind !== sel.kind) continue;
    if (sel.vintage !== undefined && b.vintage !== sel.vintage) continue;
    if (sel.projectId !== undefined && b.projectId !== sel.projectId) continue;
    if (p.lockId !== undefined) {
      lockedMatching += rangeSize(p);
      continue;
    }
    const take = Math.min(need, rangeSize(p));
    ranges.push({ blockId: p.blockId, start: p.start, end: p.start + take - 1 });
    need -= take;
  }
  if (need > 0) {
    const available = sel.quantity - need;
    const code =
      available + lockedMatching >= sel.quantity
        ? LEDGER_ERRORS.UNITS_LOCKED
        : LEDGER_ERRORS.INSUFFICIENT_UNITS;
    throw new LedgerError(code, `${accountId} holds ${available} unlocked of ${sel.quantity} requested`, {
      accountId,
      requested: sel.quantity,
      available,
      locked: lockedMatching,
    });
  }
  return { ranges, quantity: sel.quantity };
}
