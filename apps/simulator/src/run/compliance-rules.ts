import { type ComplianceRules, type CreditLine, evaluateOffsets, type PenaltyRule } from '@app/compliance';
import { type Jurisdiction, mulDiv } from '@app/domain';
import type { FirmSpec, JurisdictionSpec, Linkage, MarketRules } from '../scenario/model';

// Scenario jurisdiction ids are free text ("CQ", "SC", "A"…); @app/compliance only compares them.
const asJurisdiction = (id: string): Jurisdiction => id as Jurisdiction;

/**
 * The registry's compliance rules for a scenario jurisdiction: one unit per verified tonne; offsets
 * up to `offsetLimitBp` of verified emissions (the spec's basis; floor), any credit kind, minus
 * `excludedProjectTypes`; only this year's vintage counts (no banking: surplus lapses, as the
 * simulator's holdings restart each year); shortfall penalised by `market.penaltyRule` (see
 * `penaltyRuleOf`), the shortfall (or the make-good) taken from next year's free allocation.
 * Credits accepted: separate — local only; recognition — local, and other jurisdictions' up to
 * `recognitionQuotaBp` (see `creditLines`); linked — any.
 */
export function complianceRulesFor(
  j: JurisdictionSpec,
  linkage: Linkage,
  market: MarketRules,
): ComplianceRules {
  return {
    jurisdiction: asJurisdiction(j.id),
    offsets: {
      jurisdiction: asJurisdiction(j.id),
      limit: { basis: 'verified-emissions', bp: j.offsetLimitBp, rounding: 'floor' },
      eligibleKinds: ['CCER'],
      ...(linkage === 'separate' ? { acceptedJurisdictions: [asJurisdiction(j.id)] } : {}),
      excludedProjectTypes: j.excludedProjectTypes,
    },
    banking: false,
    borrowing: false,
    penalty: penaltyRuleOf(market),
  };
}

export function penaltyRuleOf(market: MarketRules): PenaltyRule {
  switch (market.penaltyRule) {
    case 'shenzhen':
    case 'national-2024':
      return { kind: market.penaltyRule, multiplier: market.penaltyMultiplier };
    case 'eu-fixed':
      return { kind: 'eu-fixed', finePerTonneFen: market.penaltyFinePerTonneFen ?? 0 };
  }
}

/**
 * What a tonne short costs under the rule, at the prices of the year: shenzhen — multiplier × the
 * year's average; national-2024 — multiplier × the "last month" (final-tenth) average; eu-fixed —
 * the fine plus the tonne still owed (worth the year's average). Agents plan with it (the
 * reference price standing in for the averages) and firms abate only tonnes cheaper than it.
 */
export function penaltyPerTonne(market: MarketRules, yearAvgFen: number, lastMonthAvgFen: number): number {
  switch (market.penaltyRule) {
    case 'shenzhen':
      return market.penaltyMultiplier * yearAvgFen;
    case 'national-2024':
      return market.penaltyMultiplier * lastMonthAvgFen;
    case 'eu-fixed':
      return (market.penaltyFinePerTonneFen ?? 0) + yearAvgFen;
  }
}

/**
 * The firm's credits of `year` as lines offered for surrender. Under `recognition` the credits of
 * other jurisdictions are offered only up to `recognitionQuotaBp` of verified emissions (floor), in
 * the order the file lists them; @app/compliance then applies the offset limit and exclusions.
 */
export function creditLines(
  firm: FirmSpec,
  year: number,
  j: JurisdictionSpec,
  linkage: Linkage,
  verifiedEmissions: number,
): CreditLine[] {
  const y = String(year);
  let quota = mulDiv(verifiedEmissions, j.recognitionQuotaBp, 10_000, 'floor');
  const lines: CreditLine[] = [];
  for (const c of firm.credits) {
    let quantity = c.quantity[y] ?? 0;
    if (linkage === 'recognition' && c.issuer !== j.id) {
      quantity = Math.min(quantity, quota);
      quota -= quantity;
    }
    if (quantity > 0) {
      lines.push({
        kind: 'CCER',
        issuingJurisdiction: asJurisdiction(c.issuer),
        projectType: c.projectType,
        vintage: year,
        projectStartYear: year,
        quantity,
      });
    }
  }
  return lines;
}

/** Credits of `year` the firm holds, tonnes. */
export const creditsHeld = (firm: FirmSpec, year: number): number =>
  firm.credits.reduce((a, c) => a + (c.quantity[String(year)] ?? 0), 0);

/** Offsets that count for the firm at `verifiedEmissions` under the rules (0 without credits). */
export function usableOffsets(
  firm: FirmSpec,
  year: number,
  j: JurisdictionSpec,
  rules: ComplianceRules,
  linkage: Linkage,
  verifiedEmissions: number,
): number {
  if (firm.credits.length === 0) return 0;
  return evaluateOffsets(rules.offsets, {
    verifiedEmissions,
    unitsDue: verifiedEmissions,
    credits: creditLines(firm, year, j, linkage, verifiedEmissions),
  }).used;
}

/**
 * The firm's credits the rules accept for the year before the offset limit (kind, issuer,
 * excluded types, a recognition quota taken at business-as-usual emissions): what its agent plans
 * with, the limit applied as it abates (`offsetsAt` in @app/agents).
 */
export function eligibleCredits(
  firm: FirmSpec,
  year: number,
  j: JurisdictionSpec,
  rules: ComplianceRules,
  linkage: Linkage,
): number {
  const unlimited = {
    ...rules,
    offsets: { ...rules.offsets, limit: { ...rules.offsets.limit, bp: 10_000 } },
  };
  return usableOffsets(firm, year, j, unlimited, linkage, firm.emissions[String(year)] ?? 0);
}
