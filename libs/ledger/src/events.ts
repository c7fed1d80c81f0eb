import type { AccountType, Block, SerialRange } from './types';
import type { Jurisdiction } from '@app/domain';

interface Base {
  readonly commandId: string;
  /** Canonical body of the command that caused the event, for idempotent retries. */
  readonly fingerprint: string;
}

export interface AccountOpened extends Base {
  readonly type: 'AccountOpened';
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly jurisdiction: Jurisdiction;
  readonly ownerId?: string;
}

export interface UnitsIssued extends Base {
  readonly type: 'UnitsIssued';
  readonly accountId: string;
  readonly block: Block;
}

interface Move extends Base {
  readonly from: string;
  readonly to: string;
  readonly ranges: readonly SerialRange[];
  readonly quantity: number;
}

export interface UnitsTransferred extends Move {
  readonly type: 'UnitsTransferred';
}
export interface UnitsSurrendered extends Move {
  readonly type: 'UnitsSurrendered';
  readonly complianceYear: number;
}
export interface UnitsRetired extends Move {
  readonly type: 'UnitsRetired';
  readonly beneficiary: string;
  readonly reason?: string;
}
export interface UnitsCancelled extends Move {
  readonly type: 'UnitsCancelled';
  readonly reason: string;
}

export interface UnitsLocked extends Base {
  readonly type: 'UnitsLocked';
  readonly accountId: string;
  readonly lockId: string;
  readonly reason: string;
  readonly ranges: readonly SerialRange[];
  readonly quantity: number;
}

export interface UnitsUnlocked extends Base {
  readonly type: 'UnitsUnlocked';
  readonly accountId: string;
  readonly lockId: string;
  readonly ranges: readonly SerialRange[];
  readonly quantity: number;
}

export type LedgerEvent =
  | AccountOpened
  | UnitsIssued
  | UnitsTransferred
  | UnitsSurrendered
  | UnitsRetired
  | UnitsCancelled
  | UnitsLocked
  | UnitsUnlocked;

export type MoveEvent = UnitsTransferred | UnitsSurrendered | UnitsRetired | UnitsCancelled;
export const isMoveEvent = (e: LedgerEvent): e is MoveEvent =>
  e.type === 'UnitsTransferred' ||
  e.type === 'UnitsSurrendered' ||
  e.type === 'UnitsRetired' ||
  e.type === 'UnitsCancelled';
