import type { InstrumentKind, Jurisdiction } from '@app/domain';

export const ACCOUNT_TYPES = [
  'ENTERPRISE_HOLDING',
  'GOVERNMENT',
  'AUCTION',
  'RESERVE',
  'SURRENDER',
  'CANCELLATION',
  'RETIREMENT',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Units that reach these accounts have left circulation for good. */
export const TERMINAL_ACCOUNT_TYPES: readonly AccountType[] = ['SURRENDER', 'CANCELLATION', 'RETIREMENT'];
export const isTerminal = (t: AccountType): boolean => TERMINAL_ACCOUNT_TYPES.includes(t);

export interface Account {
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly jurisdiction: Jurisdiction;
  readonly ownerId?: string;
}

/** One issuance: an immutable serial range with the attributes every unit in it shares. */
export interface Block {
  readonly blockId: string;
  readonly jurisdiction: Jurisdiction;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly projectId?: string;
  /** Last year the units are valid, when the issuer set one (else the instrument's default validity). */
  readonly validThrough?: number;
  readonly start: number;
  readonly end: number;
}

/** A contiguous serial range `[start, end]` of one block held in one account (optionally locked). */
export interface SerialRange {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
}

export interface Piece extends SerialRange {
  readonly accountId: string;
  readonly lockId?: string;
}

export interface Lock {
  readonly lockId: string;
  readonly accountId: string;
  readonly reason: string;
}

export const rangeSize = (r: { start: number; end: number }): number => r.end - r.start + 1;
