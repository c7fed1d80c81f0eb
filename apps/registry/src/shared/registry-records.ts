import type { AuctionResult } from '@app/allocation';
import type { ComplianceStatus, JurisdictionSummary } from '@app/compliance';
import type { InstrumentKind } from '@app/domain';

/**
 * Registry facts that are not unit movements, kept in the same stream as the ledger so one
 * expected version guards both (an auction's result and the transfers to its winners commit together).
 */
export interface AuctionCleared {
  readonly type: 'AuctionCleared';
  readonly commandId: string;
  readonly auctionId: string;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly result: AuctionResult;
}

export interface EmissionsReported {
  readonly type: 'EmissionsReported';
  readonly commandId: string;
  readonly firmId: string;
  readonly accountId: string;
  readonly complianceYear: number;
  readonly emissions: number;
}

export interface EmissionsVerified {
  readonly type: 'EmissionsVerified';
  readonly commandId: string;
  readonly firmId: string;
  readonly complianceYear: number;
  readonly verifiedEmissions: number;
  readonly verifier: string;
}

export interface ComplianceRunCompleted {
  readonly type: 'ComplianceRunCompleted';
  readonly commandId: string;
  readonly complianceYear: number;
  readonly statuses: readonly ComplianceStatus[];
  readonly summary: JurisdictionSummary;
}

export type RecordEvent = AuctionCleared | EmissionsReported | EmissionsVerified | ComplianceRunCompleted;

const RECORD_TYPES: ReadonlySet<string> = new Set<RecordEvent['type']>([
  'AuctionCleared',
  'EmissionsReported',
  'EmissionsVerified',
  'ComplianceRunCompleted',
]);
export const isRecordEventType = (type: string): boolean => RECORD_TYPES.has(type);

export const reportKey = (firmId: string, year: number): string => `${firmId}|${year}`;

export interface RegistryRecords {
  /** commandId → the record it produced (idempotency and retry answers). */
  readonly byCommand: Readonly<Record<string, RecordEvent>>;
  readonly auctions: Readonly<Record<string, AuctionCleared>>;
  readonly reports: Readonly<Record<string, EmissionsReported>>;
  readonly verifications: Readonly<Record<string, EmissionsVerified>>;
  /** Latest compliance run per year. */
  readonly runs: Readonly<Record<string, ComplianceRunCompleted>>;
}

export const EMPTY_RECORDS: RegistryRecords = {
  byCommand: {},
  auctions: {},
  reports: {},
  verifications: {},
  runs: {},
};

export function evolveRecords(records: RegistryRecords, event: RecordEvent): RegistryRecords {
  const next = { ...records, byCommand: { ...records.byCommand, [event.commandId]: event } };
  switch (event.type) {
    case 'AuctionCleared':
      return { ...next, auctions: { ...records.auctions, [event.auctionId]: event } };
    case 'EmissionsReported':
      return {
        ...next,
        reports: { ...records.reports, [reportKey(event.firmId, event.complianceYear)]: event },
      };
    case 'EmissionsVerified':
      return {
        ...next,
        verifications: { ...records.verifications, [reportKey(event.firmId, event.complianceYear)]: event },
      };
    case 'ComplianceRunCompleted':
      return { ...next, runs: { ...records.runs, [String(event.complianceYear)]: event } };
  }
}
