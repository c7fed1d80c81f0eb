import { mulDiv, type Jurisdiction } from '@app/domain';
import {
  COMPLIANCE_ERRORS,
  ComplianceError,
  INELIGIBILITY,
  requireNonNegativeInt,
  type IneligibilityCode,
} from './errors';
import { evaluateOffsets, type CreditLine, type OffsetEvaluation, type OffsetRules } from './offsets';
import { assessPenalty, type MarketPrices, type PenaltyAssessment, type PenaltyRule } from './penalty';

export interface ComplianceRules {
  readonly jurisdiction: Jurisdiction;
  readonly offsets: OffsetRules;
  /** Earlier-vintage allowances count for this year. */
  readonly banking: boolean;
  /** Later-vintage allowances count for this year (up to `borrowingLimitBp` of units due if set). */
  readonly borrowing: boolean;
  readonly borrowingLimitBp?: number;
  readonly penalty: PenaltyRule;
  /**
   * Early China cycles: units due capped at free allocation + a share of verified emissions
   * (20 % = 2,000 bp), so a firm's gap never exceeds that share. Needs `freeAllocation`.
   */
  readonly obligationCap?: { readonly extraBpOfVerified: number };
}

export interface AllowanceLine {
  readonly vintage: number;
  readonly quantity: number;
}

export interface FirmSubmission {
  readonly firmId: string;
  readonly complianceYear: number;
  /** Undefined until the verifier's report is in. */
  readonly verifiedEmissions?: number;
  readonly allowances: readonly AllowanceLine[];
  readonly credits: readonly CreditLine[];
  /** Free allocation received for the year (used by `obligationCap`). */
  readonly freeAllocation?: number;
}

export interface AllowanceLineResult {
  readonly vintage: number;
  readonly offered: number;
  counted: number;
  rejected?: IneligibilityCode;
}

export type ComplianceState = 'NOT_VERIFIED' | 'COMPLIANT' | 'SHORTFALL';

export interface ComplianceStatus {
  readonly firmId: string;
  readonly jurisdiction: Jurisdiction;
  readonly complianceYear: number;
  readonly state: ComplianceState;
  readonly unitsDue: number;
  readonly allowancesCounted: number;
  readonly allowanceLines: readonly Readonly<AllowanceLineResult>[];
  readonly offsets: OffsetEvaluation;
  readonly totalCounted: number;
  readonly shortfall: number;
  /** Units offered beyond what was due (not consumed; they stay bankable if banking is on). */
  readonly excess: number;
  readonly penalty: PenaltyAssessment;
}

/**
 * Verified emissions → units due (1 unit per tCO2e). Offsets are counted first up to the limit,
 * then allowances by vintage (banked, current, borrowed if allowed) until the obligation is met.
 */
export function complianceStatus(
  rules: ComplianceRules,
  sub: FirmSubmission,
  prices: MarketPrices = {},
): ComplianceStatus {
  const verified =
    sub.verifiedEmissions === undefined
      ? undefined
      : requireNonNegativeInt(sub.verifiedEmissions, 'verifiedEmissions');
  const unitsDue = unitsDueFor(rules, verified ?? 0, sub.freeAllocation);
  const offsets = evaluateOffsets(rules.offsets, {
    verifiedEmissions: verified ?? 0,
    unitsDue,
    credits: sub.credits,
  });
  const offsetsCounted = Math.min(offsets.used, unitsDue);

  let need = unitsDue - offsetsCounted;
  let borrowRoom =
    rules.borrowingLimitBp === undefined
      ? Number.MAX_SAFE_INTEGER
      : mulDiv(unitsDue, rules.borrowingLimitBp, 10_000, 'floor');
  const order = sub.allowances
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.vintage - y.a.vintage || x.i - y.i);
  const lines: AllowanceLineResult[] = sub.allowances.map((a) => ({
    vintage: a.vintage,
    offered: requireNonNegativeInt(a.quantity, 'allowance quantity'),
    counted: 0,
  }));
  for (const { a, i } of order) {
    const line = lines[i] as AllowanceLineResult;
    if (a.vintage < sub.complianceYear && !rules.banking) {
      line.rejected = INELIGIBILITY.BANKING_NOT_ALLOWED;
      continue;
    }
    let take = Math.min(a.quantity, need);
    if (a.vintage > sub.complianceYear) {
      if (!rules.borrowing) {
        line.rejected = INELIGIBILITY.BORROWING_NOT_ALLOWED;
        continue;
      }
      take = Math.min(take, borrowRoom);
      borrowRoom -= take;
      if (take < Math.min(a.quantity, need)) line.rejected = INELIGIBILITY.BORROWING_LIMIT;
    }
    line.counted = take;
    need -= take;
  }
  const allowancesCounted = lines.reduce((s, l) => s + l.counted, 0);
  const totalCounted = offsetsCounted + allowancesCounted;
  const shortfall = verified === undefined ? 0 : Math.max(0, unitsDue - totalCounted);
  const offered = sub.allowances.reduce((s, a) => s + a.quantity, 0) + offsets.used;
  const state: ComplianceState =
    verified === undefined ? 'NOT_VERIFIED' : shortfall > 0 ? 'SHORTFALL' : 'COMPLIANT';
  return {
    firmId: sub.firmId,
    jurisdiction: rules.jurisdiction,
    complianceYear: sub.complianceYear,
    state,
    unitsDue,
    allowancesCounted,
    allowanceLines: lines,
    offsets,
    totalCounted,
    shortfall,
    excess: Math.max(0, offered - totalCounted),
    penalty: assessPenalty(rules.penalty, shortfall, shortfall > 0 ? prices : {}),
  };
}

/** Units due: one per verified tonne, capped if the rules say so. */
export function unitsDueFor(
  rules: ComplianceRules,
  verifiedEmissions: number,
  freeAllocation: number | undefined,
): number {
  if (!rules.obligationCap) return verifiedEmissions;
  if (freeAllocation === undefined) {
    throw new ComplianceError(
      COMPLIANCE_ERRORS.BAD_PARAMETER,
      'freeAllocation is required when an obligation cap applies',
      {},
    );
  }
  const cap =
    requireNonNegativeInt(freeAllocation, 'freeAllocation') +
    mulDiv(verifiedEmissions, rules.obligationCap.extraBpOfVerified, 10_000, 'floor');
  return Math.min(verifiedEmissions, cap);
}

export interface JurisdictionSummary {
  readonly jurisdiction: Jurisdiction;
  readonly complianceYear: number;
  readonly firms: number;
  readonly compliant: number;
  readonly inShortfall: number;
  readonly notVerified: number;
  /** Compliant ÷ verified firms, bp, floor. */
  readonly complianceRateBp: number;
  readonly unitsDue: number;
  readonly unitsCounted: number;
  readonly offsetsUsed: number;
  readonly shortfall: number;
  readonly finesFen: number;
  readonly nextYearDeduction: number;
}

export function summarizeCompliance(
  jurisdiction: Jurisdiction,
  complianceYear: number,
  statuses: readonly ComplianceStatus[],
): JurisdictionSummary {
  const mine = statuses.filter((s) => s.jurisdiction === jurisdiction && s.complianceYear === complianceYear);
  const count = (st: ComplianceState) => mine.filter((s) => s.state === st).length;
  const total = (f: (s: ComplianceStatus) => number) => mine.reduce((acc, s) => acc + f(s), 0);
  const compliant = count('COMPLIANT');
  const verified = compliant + count('SHORTFALL');
  return {
    jurisdiction,
    complianceYear,
    firms: mine.length,
    compliant,
    inShortfall: count('SHORTFALL'),
    notVerified: count('NOT_VERIFIED'),
    complianceRateBp: verified === 0 ? 0 : mulDiv(compliant, 10_000, verified, 'floor'),
    unitsDue: total((s) => s.unitsDue),
    unitsCounted: total((s) => s.totalCounted),
    offsetsUsed: total((s) => Math.min(s.offsets.used, s.unitsDue)),
    shortfall: total((s) => s.shortfall),
    finesFen: total((s) => s.penalty.fineFen),
    nextYearDeduction: total((s) => s.penalty.nextYearDeduction),
  };
}
