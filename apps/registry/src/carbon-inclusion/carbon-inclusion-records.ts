import { withEntries } from '@app/domain';
/** One activity record as credited: its inputs, the credits and the sub-tonne remainder before and after. */
export interface CreditedActivity {
  readonly recordId: string;
  readonly methodologyId: string;
  readonly quantity: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Year of periodEnd: the vintage of the credits. */
  readonly vintage: number;
  readonly credits: number;
  /** Remainder numerators (over the methodology's factor denominator) carried in and out. */
  readonly carryIn: number;
  readonly carryOut: number;
}

/** A batch of activity records credited to a holder (the units are the same command's UnitsIssued). */
export interface CarbonInclusionIssued {
  readonly type: 'CarbonInclusionIssued';
  readonly commandId: string;
  readonly issuanceId: string;
  readonly holderAccountId: string;
  /** Today (Asia/Shanghai) from the injected clock when the batch was credited. */
  readonly asOf: string;
  readonly records: readonly CreditedActivity[];
  readonly credits: number;
}

export type CarbonInclusionRecordEvent = CarbonInclusionIssued;
export const CARBON_INCLUSION_RECORD_TYPES = ['CarbonInclusionIssued'] as const;

export interface CarbonInclusionBook {
  readonly issuances: Readonly<Record<string, CarbonInclusionIssued>>;
  /** recordId → the issuance that credited it (no record is credited twice). */
  readonly creditedRecords: Readonly<Record<string, string>>;
  /** `holder|methodologyId` → remainder numerator carried to the holder's next record. */
  readonly carries: Readonly<Record<string, number>>;
}

export const EMPTY_CARBON_INCLUSION_BOOK: CarbonInclusionBook = {
  issuances: {},
  creditedRecords: {},
  carries: {},
};

export const carryKey = (holderAccountId: string, methodologyId: string): string =>
  `${holderAccountId}|${methodologyId}`;

export function evolveCarbonInclusion(
  book: CarbonInclusionBook = EMPTY_CARBON_INCLUSION_BOOK,
  event: CarbonInclusionRecordEvent,
): CarbonInclusionBook {
  const credited: Record<string, string> = {};
  const carried: Record<string, number> = {};
  for (const r of event.records) {
    credited[r.recordId] = event.issuanceId;
    carried[carryKey(event.holderAccountId, r.methodologyId)] = r.carryOut;
  }
  return {
    issuances: withEntries(book.issuances, { [event.issuanceId]: event }),
    creditedRecords: withEntries(book.creditedRecords, credited),
    carries: withEntries(book.carries, carried),
  };
}
