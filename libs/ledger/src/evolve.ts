import type { LedgerEvent } from './events';
import { reassign } from './pieces';
import type { LedgerState } from './state';

/** evolve(state, event) → state. Never throws for events produced by `decide`. */
export function evolve(state: LedgerState, event: LedgerEvent): LedgerState {
  const base: LedgerState = {
    ...state,
    processed: { ...state.processed, [event.commandId]: event.fingerprint },
    journal: [...state.journal, event],
  };
  switch (event.type) {
    case 'AccountOpened':
      return {
        ...base,
        accounts: {
          ...state.accounts,
          [event.accountId]: {
            accountId: event.accountId,
            accountType: event.accountType,
            jurisdiction: event.jurisdiction,
            ...(event.ownerId !== undefined ? { ownerId: event.ownerId } : {}),
          },
        },
      };
    case 'UnitsIssued': {
      const { block } = event;
      return {
        ...base,
        blocks: { ...state.blocks, [block.blockId]: block },
        // Serials are allocated monotonically, so the new piece goes last and order is kept.
        pieces: [...state.pieces, { blockId: block.blockId, start: block.start, end: block.end, accountId: event.accountId }],
        nextSerial: block.end + 1,
        blockCount: state.blockCount + 1,
      };
    }
    case 'UnitsTransferred':
    case 'UnitsSurrendered':
    case 'UnitsRetired':
    case 'UnitsCancelled':
      return { ...base, pieces: reassign(state.pieces, event.ranges, { accountId: event.to }) };
    case 'UnitsLocked':
      return {
        ...base,
        pieces: reassign(state.pieces, event.ranges, { lockId: event.lockId }),
        locks: { ...state.locks, [event.lockId]: { lockId: event.lockId, accountId: event.accountId, reason: event.reason } },
      };
    case 'UnitsUnlocked': {
      const locks = { ...state.locks };
      delete locks[event.lockId];
      return { ...base, pieces: reassign(state.pieces, event.ranges, { clearLock: true }), locks };
    }
  }
}

/** Fold events over a state (replay). */
export function evolveAll(state: LedgerState, events: readonly LedgerEvent[]): LedgerState {
  return events.reduce(evolve, state);
}
