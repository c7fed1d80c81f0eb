import { mapSet, withEntries } from '@app/domain';
import type { LedgerEvent } from './events';
import { mergeSorted, relabel, splitOut } from './pieces';
import type { LedgerState } from './state';
import { LEDGER_ERRORS, LedgerError } from './errors';
import { rangeSize, type Piece, type SerialRange } from './types';

function stale(message: string): never {
  throw new LedgerError(LEDGER_ERRORS.STALE_EVENT, message);
}

function withHoldings(
  state: LedgerState,
  changes: Readonly<Record<string, readonly Piece[]>>,
): LedgerState['holdings'] {
  return withEntries(state.holdings, changes);
}

/**
 * Move `ranges` out of `from` into `to`, relabelling their lock (undefined = unlocked).
 * An event decided against an older state (two partial transfers of the same serials decided
 * concurrently) no longer matches the holdings: refuse it rather than lose or duplicate units.
 */
function move(
  state: LedgerState,
  from: string,
  to: string,
  ranges: readonly SerialRange[],
  lockId: string | undefined,
  expectedLock: string | undefined = undefined,
): LedgerState['holdings'] {
  const { rest, taken } = splitOut(state.holdings[from] ?? [], ranges);
  const want = ranges.reduce((n, r) => n + rangeSize(r), 0);
  const got = taken.reduce((n, p) => n + rangeSize(p), 0);
  if (got !== want || taken.some((p) => p.lockId !== expectedLock) || !state.accounts[to]) {
    throw new LedgerError(LEDGER_ERRORS.STALE_EVENT, `event ranges are not held by ${from} as expected`, {
      from,
      expected: want,
      found: got,
    });
  }
  if (from === to) return withHoldings(state, { [from]: mergeSorted(rest, relabel(taken, to, lockId)) });
  return withHoldings(state, {
    [from]: rest,
    [to]: mergeSorted(state.holdings[to] ?? [], relabel(taken, to, lockId)),
  });
}

/**
 * evolve(state, event) → state. Never throws for events `decide` produced from this state; throws
 * LEDGER.STALE_EVENT for an event whose units have moved since it was decided.
 */
export function evolve(state: LedgerState, event: LedgerEvent): LedgerState {
  const base: LedgerState = {
    ...state,
    processed: mapSet(state.processed, event.commandId, event.fingerprint),
    journal: {
      event,
      position: (state.journal?.position ?? -1) + 1,
      ...(state.journal ? { prev: state.journal } : {}),
    },
  };
  switch (event.type) {
    case 'AccountOpened':
      if (state.accounts[event.accountId]) stale(`account ${event.accountId} already open`);
      return {
        ...base,
        accounts: withEntries(state.accounts, {
          [event.accountId]: {
            accountId: event.accountId,
            accountType: event.accountType,
            jurisdiction: event.jurisdiction,
            ...(event.ownerId !== undefined ? { ownerId: event.ownerId } : {}),
          },
        }),
        holdings: withHoldings(state, { [event.accountId]: [] }),
      };
    case 'UnitsIssued': {
      const { block } = event;
      if (
        block.start !== state.nextSerial ||
        state.blocks[block.blockId] ||
        !state.accounts[event.accountId]
      ) {
        stale(
          `issuance ${block.blockId} at serial ${block.start} does not follow serial ${state.nextSerial}`,
        );
      }
      const fresh = [
        { blockId: block.blockId, start: block.start, end: block.end, accountId: event.accountId },
      ];
      return {
        ...base,
        blocks: withEntries(state.blocks, { [block.blockId]: block }),
        holdings: withHoldings(state, {
          [event.accountId]: mergeSorted(state.holdings[event.accountId] ?? [], fresh),
        }),
        nextSerial: block.end + 1,
        blockCount: state.blockCount + 1,
      };
    }
    case 'UnitsTransferred':
    case 'UnitsSurrendered':
    case 'UnitsRetired':
    case 'UnitsCancelled':
      return { ...base, holdings: move(state, event.from, event.to, event.ranges, undefined) };
    case 'UnitsLocked':
      if (state.locks[event.lockId]) stale(`lock ${event.lockId} is already active`);
      return {
        ...base,
        holdings: move(state, event.accountId, event.accountId, event.ranges, event.lockId),
        locks: withEntries(state.locks, {
          [event.lockId]: { lockId: event.lockId, accountId: event.accountId, reason: event.reason },
        }),
      };
    case 'UnitsUnlocked':
      return {
        ...base,
        holdings: move(state, event.accountId, event.accountId, event.ranges, undefined, event.lockId),
        locks: withEntries(state.locks, {}, [event.lockId]),
      };
  }
}

/** Fold events over a state (replay). */
export function evolveAll(state: LedgerState, events: readonly LedgerEvent[]): LedgerState {
  return events.reduce(evolve, state);
}
