import type { InstrumentKind, Jurisdiction } from '@app/domain';
import type { AccountType } from './types';

/** Which units a command acts on: an explicit serial range, or a quantity picked lowest-serial first. */
export type UnitSelection =
  | { readonly by: 'serials'; readonly start: number; readonly end: number }
  | {
      readonly by: 'quantity';
      readonly quantity: number;
      readonly jurisdiction: Jurisdiction;
      readonly kind: InstrumentKind;
      readonly vintage?: number;
      readonly projectId?: string;
    };

interface Base {
  /** Idempotency key: a retry with the same id and body yields no new events. */
  readonly commandId: string;
}

export interface OpenAccount extends Base {
  readonly type: 'OpenAccount';
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly jurisdiction: Jurisdiction;
  readonly ownerId?: string;
}

export interface IssueUnits extends Base {
  readonly type: 'IssueUnits';
  readonly accountId: string;
  readonly jurisdiction: Jurisdiction;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly projectId?: string;
  /** Last valid year (other rights issued with a validity period); must not precede the vintage. */
  readonly validThrough?: number;
  readonly quantity: number;
}

export interface TransferUnits extends Base {
  readonly type: 'TransferUnits';
  readonly from: string;
  readonly to: string;
  readonly selection: UnitSelection;
}

export interface SurrenderUnits extends Base {
  readonly type: 'SurrenderUnits';
  readonly from: string;
  readonly to: string;
  readonly selection: UnitSelection;
  readonly complianceYear: number;
}

export interface RetireUnits extends Base {
  readonly type: 'RetireUnits';
  readonly from: string;
  readonly to: string;
  readonly selection: UnitSelection;
  readonly beneficiary: string;
  readonly reason?: string;
}

export interface CancelUnits extends Base {
  readonly type: 'CancelUnits';
  readonly from: string;
  readonly to: string;
  readonly selection: UnitSelection;
  readonly reason: string;
}

export interface LockUnits extends Base {
  readonly type: 'LockUnits';
  readonly accountId: string;
  readonly lockId: string;
  readonly selection: UnitSelection;
  readonly reason: string;
}

export interface UnlockUnits extends Base {
  readonly type: 'UnlockUnits';
  readonly lockId: string;
}

export type LedgerCommand =
  | OpenAccount
  | IssueUnits
  | TransferUnits
  | SurrenderUnits
  | RetireUnits
  | CancelUnits
  | LockUnits
  | UnlockUnits;
