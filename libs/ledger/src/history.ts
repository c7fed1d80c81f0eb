import type { LedgerEvent } from './events';
import { pieceAt } from './queries';
import { journalEvents, type LedgerState } from './state';
import type { Block } from './types';

export interface SerialHistoryEntry {
  /** Position of the event in the registry journal. */
  readonly position: number;
  readonly type: LedgerEvent['type'];
  readonly commandId: string;
  readonly from?: string;
  readonly to?: string;
  readonly accountId?: string;
  readonly lockId?: string;
  readonly beneficiary?: string;
  readonly complianceYear?: number;
  readonly reason?: string;
}

export interface SerialHistory {
  readonly serial: number;
  readonly block: Block;
  readonly accountId: string;
  readonly lockId?: string;
  readonly events: readonly SerialHistoryEntry[];
}

const covers = (ranges: readonly { start: number; end: number }[], serial: number): boolean =>
  ranges.some((r) => r.start <= serial && serial <= r.end);

/** The full lifecycle of one serial number: issuance, every move, lock, surrender, retirement or cancellation. */
export function historyOfSerial(state: LedgerState, serial: number): SerialHistory | undefined {
  const piece = pieceAt(state, serial);
  if (!piece) return undefined;
  const block = state.blocks[piece.blockId] as Block;
  const events: SerialHistoryEntry[] = [];
  journalEvents(state).forEach((e, position) => {
    const base = { position, type: e.type, commandId: e.commandId };
    switch (e.type) {
      case 'AccountOpened':
        return;
      case 'UnitsIssued':
        if (covers([e.block], serial)) events.push({ ...base, accountId: e.accountId });
        return;
      case 'UnitsLocked':
      case 'UnitsUnlocked':
        if (covers(e.ranges, serial)) events.push({ ...base, accountId: e.accountId, lockId: e.lockId });
        return;
      default:
        if (!covers(e.ranges, serial)) return;
        events.push({
          ...base,
          from: e.from,
          to: e.to,
          ...(e.type === 'UnitsRetired' ? { beneficiary: e.beneficiary, reason: e.reason } : {}),
          ...(e.type === 'UnitsSurrendered' ? { complianceYear: e.complianceYear } : {}),
          ...(e.type === 'UnitsCancelled' ? { reason: e.reason } : {}),
        });
    }
  });
  return {
    serial,
    block,
    accountId: piece.accountId,
    ...(piece.lockId !== undefined ? { lockId: piece.lockId } : {}),
    events,
  };
}
