import { mulDiv, type InstrumentKind, type Jurisdiction, type Rounding } from '@app/domain';
import { INELIGIBILITY, requireNonNegativeInt, type IneligibilityCode } from './errors';

export interface CreditLine {
  readonly kind: InstrumentKind;
  readonly issuingJurisdiction: Jurisdiction;
  /** Methodology family, e.g. 'hydro', 'forestry', 'methane', 'solar'. */
  readonly projectType: string;
  readonly vintage: number;
  /** Year the project started (Chongqing: must be after 31 Dec 2010). */
  readonly projectStartYear?: number;
  readonly quantity: number;
}

export interface OffsetRules {
  /** Jurisdiction whose compliance market this is; "local" credits are issued here. */
  readonly jurisdiction: Jurisdiction;
  /** national: 500 bp of units due; Chongqing: 800 bp of verified emissions. */
  readonly limit: {
    readonly basis: 'units-due' | 'verified-emissions';
    readonly bp: number;
    readonly rounding: Rounding;
  };
  readonly eligibleKinds: readonly InstrumentKind[];
  /** Issuing jurisdictions accepted; undefined = any. */
  readonly acceptedJurisdictions?: readonly Jurisdiction[];
  readonly excludedProjectTypes: readonly string[];
  readonly minVintage?: number;
  readonly maxVintage?: number;
  readonly projectStartAfterYear?: number;
  /** Minimum share of the offsets used that must be local (bp); undefined or 0 = none. */
  readonly localShareMinBp?: number;
}

export const NATIONAL_OFFSET_RULES: OffsetRules = {
  jurisdiction: 'NATIONAL',
  limit: { basis: 'units-due', bp: 500, rounding: 'floor' },
  eligibleKinds: ['CCER'],
  excludedProjectTypes: [],
};

export const CHONGQING_OFFSET_RULES: OffsetRules = {
  jurisdiction: 'CQ',
  limit: { basis: 'verified-emissions', bp: 800, rounding: 'floor' },
  eligibleKinds: ['CCER', 'CQCER', 'FORESTRY_SINK'],
  excludedProjectTypes: ['hydro'],
  projectStartAfterYear: 2010,
};

export interface OffsetLineResult {
  readonly index: number;
  readonly offered: number;
  readonly used: number;
  readonly rejected?: IneligibilityCode;
}

export interface OffsetEvaluation {
  readonly limit: number;
  readonly used: number;
  readonly localUsed: number;
  readonly nonLocalUsed: number;
  readonly lines: readonly OffsetLineResult[];
}

export function offsetLimit(rules: OffsetRules, verifiedEmissions: number, unitsDue: number): number {
  const basis = rules.limit.basis === 'units-due' ? unitsDue : verifiedEmissions;
  return mulDiv(
    requireNonNegativeInt(basis, 'offset basis'),
    requireNonNegativeInt(rules.limit.bp, 'limit.bp'),
    10_000,
    rules.limit.rounding,
  );
}

export function creditIneligibility(rules: OffsetRules, c: CreditLine): IneligibilityCode | undefined {
  if (!rules.eligibleKinds.includes(c.kind)) return INELIGIBILITY.KIND_NOT_ELIGIBLE;
  if (rules.acceptedJurisdictions && !rules.acceptedJurisdictions.includes(c.issuingJurisdiction))
    return INELIGIBILITY.JURISDICTION_NOT_ACCEPTED;
  if (rules.excludedProjectTypes.includes(c.projectType)) return INELIGIBILITY.PROJECT_TYPE_EXCLUDED;
  if (
    (rules.minVintage !== undefined && c.vintage < rules.minVintage) ||
    (rules.maxVintage !== undefined && c.vintage > rules.maxVintage)
  ) {
    return INELIGIBILITY.VINTAGE_NOT_ELIGIBLE;
  }
  if (
    rules.projectStartAfterYear !== undefined &&
    (c.projectStartYear === undefined || c.projectStartYear <= rules.projectStartAfterYear)
  ) {
    return INELIGIBILITY.PROJECT_TOO_OLD;
  }
  return undefined;
}

/**
 * How much of the offered credits count toward the obligation. Eligible local credits are used
 * first (in the order offered), then non-local ones, within the limit and, if set, so that local
 * credits stay at least `localShareMinBp` of the offsets used.
 */
export function evaluateOffsets(
  rules: OffsetRules,
  input: { verifiedEmissions: number; unitsDue: number; credits: readonly CreditLine[] },
): OffsetEvaluation {
  const limit = offsetLimit(rules, input.verifiedEmissions, input.unitsDue);
  const used = new Array<number>(input.credits.length).fill(0);
  const reasons = new Array<IneligibilityCode | undefined>(input.credits.length);
  input.credits.forEach((c, i) => {
    requireNonNegativeInt(c.quantity, 'credit quantity');
    reasons[i] = creditIneligibility(rules, c);
  });
  const isLocal = (c: CreditLine) => c.issuingJurisdiction === rules.jurisdiction;

  let room = limit;
  let localUsed = 0;
  input.credits.forEach((c, i) => {
    if (reasons[i] || !isLocal(c)) return;
    used[i] = Math.min(c.quantity, room);
    room -= used[i] as number;
    localUsed += used[i] as number;
  });
  const m = rules.localShareMinBp ?? 0;
  // local / (local + nonLocal) ≥ m  ⇔  nonLocal ≤ local × (1 − m) / m
  let nonLocalRoom =
    m === 0 ? room : Math.min(room, m >= 10_000 ? 0 : mulDiv(localUsed, 10_000 - m, m, 'floor'));
  let nonLocalUsed = 0;
  input.credits.forEach((c, i) => {
    if (reasons[i] || isLocal(c)) return;
    used[i] = Math.min(c.quantity, nonLocalRoom);
    nonLocalRoom -= used[i] as number;
    nonLocalUsed += used[i] as number;
  });

  const lines = input.credits.map((c, i): OffsetLineResult => {
    const u = used[i] as number;
    let rejected = reasons[i];
    if (!rejected && u < c.quantity) {
      rejected =
        !isLocal(c) && m > 0 && localUsed + nonLocalUsed < limit
          ? INELIGIBILITY.LOCAL_SHARE_MINIMUM
          : INELIGIBILITY.OVER_OFFSET_LIMIT;
    }
    return { index: i, offered: c.quantity, used: u, ...(rejected ? { rejected } : {}) };
  });
  return { limit, used: localUsed + nonLocalUsed, localUsed, nonLocalUsed, lines };
}
