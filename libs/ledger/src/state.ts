import type { LedgerEvent } from './events';
import type { Account, Block, Lock, Piece } from './types';

export interface LedgerState {
  readonly accounts: Readonly<Record<string, Account>>;
  readonly blocks: Readonly<Record<string, Block>>;
  /** Every issued serial is in exactly one piece; sorted by `start`, pairwise disjoint. */
  readonly pieces: readonly Piece[];
  readonly locks: Readonly<Record<string, Lock>>;
  readonly nextSerial: number;
  readonly blockCount: number;
  /** commandId → fingerprint of every command that produced events. */
  readonly processed: Readonly<Record<string, string>>;
  /** The registry's own journal: the events in order, for serial histories. */
  readonly journal: readonly LedgerEvent[];
}

export const initialState: LedgerState = {
  accounts: {},
  blocks: {},
  pieces: [],
  locks: {},
  nextSerial: 1,
  blockCount: 0,
  processed: {},
  journal: [],
};
