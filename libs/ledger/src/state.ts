import { emptyMap, type PersistentMap } from '@app/domain';
import type { LedgerEvent } from './events';
import type { Account, Block, Lock, Piece } from './types';

/** The registry journal as an immutable linked list: O(1) append, shared between versions. */
export interface JournalNode {
  readonly event: LedgerEvent;
  readonly position: number;
  readonly prev?: JournalNode;
}

export interface LedgerState {
  readonly accounts: Readonly<Record<string, Account>>;
  readonly blocks: Readonly<Record<string, Block>>;
  /**
   * Pieces per account, each list sorted by `start`. Every issued serial is in exactly one
   * piece of one account (the conservation property tests check this after every step).
   */
  readonly holdings: Readonly<Record<string, readonly Piece[]>>;
  readonly locks: Readonly<Record<string, Lock>>;
  readonly nextSerial: number;
  readonly blockCount: number;
  /** commandId → fingerprint of every command that produced events. */
  readonly processed: PersistentMap<string>;
  /** Latest journal entry (undefined before the first event). */
  readonly journal?: JournalNode;
}

export const initialState: LedgerState = {
  accounts: {},
  blocks: {},
  holdings: {},
  locks: {},
  nextSerial: 1,
  blockCount: 0,
  processed: emptyMap<string>(),
};

/** The journal in order, oldest first. */
export function journalEvents(state: LedgerState): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  for (let n = state.journal; n; n = n.prev) out.push(n.event);
  return out.reverse();
}
