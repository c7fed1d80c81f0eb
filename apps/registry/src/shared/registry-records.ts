import type { AuctionResult } from '@app/allocation';
import type { ComplianceStatus, JurisdictionSummary } from '@app/compliance';
import type { InstrumentKind } from '@app/domain';
import {
  EMPTY_AUCTION_BOOK,
  evolveAuctionBook,
  type AuctionBook,
  type AuctionRecordEvent,
} from './auction-records';
import {
  CARBON_INCLUSION_RECORD_TYPES,
  EMPTY_CARBON_INCLUSION_BOOK,
  evolveCarbonInclusion,
  type CarbonInclusionBook,
  type CarbonInclusionRecordEvent,
} from '../carbon-inclusion/carbon-inclusion-records';
import {
  CROSS_PROVINCE_RECORD_TYPES,
  EMPTY_CROSS_PROVINCE_BOOK,
  evolveCrossProvince,
  type CrossProvinceBook,
  type CrossProvinceRecordEvent,
} from '../cross-province/cross-province-records';
import { withEntries } from '@app/domain';

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

/** Benchmark true-up after verification: more units from the government account, or a claw-back. */
export interface TrueUpApplied {
  readonly type: 'TrueUpApplied';
  readonly commandId: string;
  readonly allocationCommandId: string;
  readonly firmId: string;
  readonly accountId: string;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly preAllocated: number;
  readonly finalEntitlement: number;
  /** > 0 issued to the firm, < 0 returned by it. */
  readonly adjustment: number;
}

/** A dated version of a jurisdiction's allocation rules for one instrument. */
export interface RuleVersionPublished {
  readonly type: 'RuleVersionPublished';
  readonly commandId: string;
  readonly ruleVersionId: string;
  readonly kind: InstrumentKind;
  /** ISO dates, both inclusive. */
  readonly validFrom: string;
  readonly validTo: string;
  readonly rules: Readonly<Record<string, unknown>>;
  readonly regulator: string;
}

/** Paid initial allocation (other rights): what each firm owes at the benchmark price. */
export interface AllocationCharged {
  readonly type: 'AllocationCharged';
  readonly commandId: string;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly priceFen: number;
  /** Where the price came from (today: given by the regulator; later the pricing standard). */
  readonly priceSource: string;
  readonly charges: readonly {
    readonly firmId: string;
    readonly quantity: number;
    readonly amountFen: number;
  }[];
  readonly totalFen: number;
}

/** A market-stability-reserve year: intake into the reserve or release from it, by circulation. */
export interface MsrAdjusted {
  readonly type: 'MsrAdjusted';
  readonly commandId: string;
  readonly year: number;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  /** Units in circulation (held in enterprise accounts) the thresholds were applied to. */
  readonly circulation: number;
  readonly reserveBefore: number;
  /** What the rule asks for; the intake is capped by the unlocked units in the auction account. */
  readonly intakeDue: number;
  readonly intake: number;
  readonly release: number;
}

/** The pools an allocation carved from the cap (what later draws and reports refer to). */
export interface AllocationIssued {
  readonly type: 'AllocationIssued';
  readonly commandId: string;
  readonly allocationCommandId: string;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly cap: number;
  readonly auction: number;
  readonly newEntrantReserve: number;
  readonly governmentReserve: number;
  readonly totalAllocated: number;
  /** Units withheld per firm for last year's shortfall (penalty deduction); they stay with the government. */
  readonly deductions?: Readonly<Record<string, number>>;
}

/** A new entrant's allocation from the reserve its year's allocation set aside. */
export interface NewEntrantReserveDrawn {
  readonly type: 'NewEntrantReserveDrawn';
  readonly commandId: string;
  readonly allocationCommandId: string;
  readonly firmId: string;
  readonly accountId: string;
  readonly requested: number;
  readonly granted: number;
}

/** A dated expiry run: units past their validity moved to the cancellation account. */
export interface ExpiryRun {
  readonly type: 'ExpiryRun';
  readonly commandId: string;
  readonly asOfYear: number;
  readonly kind?: InstrumentKind;
  readonly expired: number;
  /** Expired units left in the exchange's custody account (absent: none). */
  readonly waitingInCustody?: number;
}

/**
 * Linked markets: another province's allowances this registry's firm surrendered there (they left
 * circulation in their own registry, in the same transaction) and that count here, at the
 * exchange ratio in force, toward `accountId`'s obligation for `complianceYear`.
 */
export interface LinkedSurrenderCounted {
  readonly type: 'LinkedSurrenderCounted';
  readonly commandId: string;
  readonly accountId: string;
  readonly complianceYear: number;
  readonly issuedBy: 'CQ' | 'SC';
  readonly vintage: number;
  /** Allowances of `issuedBy` surrendered in its registry. */
  readonly surrendered: number;
  /** What they count for here, at `exchangeRatio`. */
  readonly counted: number;
  readonly exchangeRatio: Readonly<Record<'CQ' | 'SC', number>>;
  /** The market-mode decision in force. */
  readonly marketModeVersion: string;
}

export type RecordEvent =
  | AuctionCleared
  | LinkedSurrenderCounted
  | EmissionsReported
  | EmissionsVerified
  | ComplianceRunCompleted
  | AuctionRecordEvent
  | TrueUpApplied
  | RuleVersionPublished
  | AllocationCharged
  | MsrAdjusted
  | ExpiryRun
  | AllocationIssued
  | NewEntrantReserveDrawn
  | CarbonInclusionRecordEvent
  | CrossProvinceRecordEvent;

const RECORD_TYPES: ReadonlySet<string> = new Set<RecordEvent['type']>([
  'AuctionCleared',
  'EmissionsReported',
  'EmissionsVerified',
  'ComplianceRunCompleted',
  'AuctionScheduled',
  'BidGuaranteePosted',
  'BidSubmitted',
  'AuctionSettled',
  'TrueUpApplied',
  'RuleVersionPublished',
  'AllocationCharged',
  'MsrAdjusted',
  'ExpiryRun',
  'AllocationIssued',
  'NewEntrantReserveDrawn',
  'LinkedSurrenderCounted',
  ...CARBON_INCLUSION_RECORD_TYPES,
  ...CROSS_PROVINCE_RECORD_TYPES,
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
  /** Scheduled auctions (bids, guarantees, settlement) and the carried-forward pool. */
  readonly auctionBook: AuctionBook;
  /** `allocationCommandId|firmId` → its true-up. */
  readonly trueUps: Readonly<Record<string, TrueUpApplied>>;
  readonly ruleVersions: Readonly<Record<string, RuleVersionPublished>>;
  readonly charges: Readonly<Record<string, AllocationCharged>>;
  /** `year|kind|vintage` → the MSR adjustment of that year. */
  readonly msr: Readonly<Record<string, MsrAdjusted>>;
  /** Allocation command id → its pools. */
  readonly allocations: Readonly<Record<string, AllocationIssued>>;
  /** Allocation command id → units drawn from its new-entrant reserve so far. */
  readonly newEntrantDrawn: Readonly<Record<string, number>>;
  readonly carbonInclusion: CarbonInclusionBook;
  readonly crossProvince: CrossProvinceBook;
}

export const EMPTY_RECORDS: RegistryRecords = {
  byCommand: {},
  auctions: {},
  reports: {},
  verifications: {},
  runs: {},
  auctionBook: EMPTY_AUCTION_BOOK,
  trueUps: {},
  ruleVersions: {},
  charges: {},
  msr: {},
  allocations: {},
  newEntrantDrawn: {},
  carbonInclusion: EMPTY_CARBON_INCLUSION_BOOK,
  crossProvince: EMPTY_CROSS_PROVINCE_BOOK,
};

export const trueUpKey = (allocationCommandId: string, firmId: string): string =>
  `${allocationCommandId}|${firmId}`;
export const msrKey = (year: number, kind: InstrumentKind, vintage: number): string =>
  `${year}|${kind}|${vintage}`;

export function evolveRecords(records: RegistryRecords, event: RecordEvent): RegistryRecords {
  const next = { ...records, byCommand: withEntries(records.byCommand, { [event.commandId]: event }) };
  switch (event.type) {
    case 'AuctionCleared':
      return { ...next, auctions: withEntries(records.auctions, { [event.auctionId]: event }) };
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
    case 'AuctionScheduled':
    case 'BidGuaranteePosted':
    case 'BidSubmitted':
    case 'AuctionSettled':
      return { ...next, auctionBook: evolveAuctionBook(records.auctionBook, event) };
    case 'TrueUpApplied':
      return {
        ...next,
        trueUps: { ...records.trueUps, [trueUpKey(event.allocationCommandId, event.firmId)]: event },
      };
    case 'RuleVersionPublished':
      return { ...next, ruleVersions: { ...records.ruleVersions, [event.ruleVersionId]: event } };
    case 'AllocationCharged':
      return { ...next, charges: { ...records.charges, [event.commandId]: event } };
    case 'ExpiryRun':
    case 'LinkedSurrenderCounted':
      return next;
    case 'AllocationIssued':
      return { ...next, allocations: { ...records.allocations, [event.allocationCommandId]: event } };
    case 'NewEntrantReserveDrawn':
      return {
        ...next,
        newEntrantDrawn: {
          ...records.newEntrantDrawn,
          [event.allocationCommandId]:
            (records.newEntrantDrawn[event.allocationCommandId] ?? 0) + event.granted,
        },
      };
    case 'CarbonInclusionIssued':
      return { ...next, carbonInclusion: evolveCarbonInclusion(records.carbonInclusion, event) };
    case 'CrossProvinceTransferRequested':
    case 'CrossProvinceTransferDecided':
    case 'CrossProvinceTransferExpired':
    case 'CrossProvinceTransferArrived':
    case 'CrossProvinceTransferCompleted':
      return { ...next, crossProvince: evolveCrossProvince(records.crossProvince, event) };
    case 'MsrAdjusted':
      return { ...next, msr: { ...records.msr, [msrKey(event.year, event.kind, event.vintage)]: event } };
  }
}
