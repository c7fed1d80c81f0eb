import { complianceStatus, type ComplianceRules, type ComplianceStatus } from '@app/compliance';
import { abatementAt, abatementCost, offsetsAt, type Trader } from '@app/agents';
import type { CreditLine } from '@app/compliance';

export interface Compliance {
  readonly abatement: number;
  readonly abatementCostFen: number;
  readonly verified: number;
  readonly unitsDue: number;
  readonly offsetsUsed: number;
  /** Allowances and offsets that counted toward the obligation. */
  readonly surrendered: number;
  readonly shortfall: number;
  readonly penaltyFen: number;
  readonly nextYearDeduction: number;
  /** Allowances that counted, and the credits that counted per line offered (for the registry). */
  readonly allowancesSurrendered: number;
  readonly creditsSurrendered: readonly { readonly line: CreditLine; readonly used: number }[];
}

/** At most this many re-evaluations: abating more lowers a verified-emissions offset limit a little. */
const MAX_ROUNDS = 8;

/**
 * End of year, through the registry's rules (@app/compliance `complianceStatus`): the firm abates
 * what its allowances and usable offsets do not cover, but only tonnes whose MAC is at most the
 * penalty per tonne (`prices.penaltyPerTonneFen`; beyond that the penalty is cheaper), then surrenders.
 * Abating lowers verified emissions and with them an offset limit based on them, so the firm
 * abates again for any shortfall that opens up, until none is left or abating is not worth it.
 */
export function comply(
  t: Trader,
  year: number,
  rules: ComplianceRules,
  prices: {
    readonly yearAvgFen: number;
    readonly lastMonthAvgFen: number;
    readonly penaltyPerTonneFen: number;
  },
  creditsFor: (verifiedEmissions: number) => CreditLine[],
): Compliance {
  const worthIt = Math.min(t.emissions, abatementAt(t.mac, prices.penaltyPerTonneFen));
  let credits: CreditLine[] = [];
  const status = (abatement: number): ComplianceStatus => {
    const verified = t.emissions - abatement;
    credits = creditsFor(verified);
    return complianceStatus(
      rules,
      {
        firmId: t.id,
        complianceYear: year,
        verifiedEmissions: verified,
        allowances: [{ vintage: year, quantity: t.holdings }],
        credits,
      },
      { avgPriceSixMonthsFen: prices.yearAvgFen, avgPriceLastMonthFen: prices.lastMonthAvgFen },
    );
  };
  let abatement = Math.min(worthIt, Math.max(0, t.emissions - t.holdings - offsetsAt(t, t.emissions)));
  let st = status(abatement);
  for (let round = 0; round < MAX_ROUNDS && st.shortfall > 0 && abatement < worthIt; round++) {
    abatement = Math.min(worthIt, abatement + st.shortfall);
    st = status(abatement);
  }
  return {
    abatement,
    abatementCostFen: abatementCost(t.mac, abatement),
    verified: t.emissions - abatement,
    unitsDue: st.unitsDue,
    offsetsUsed: Math.min(st.offsets.used, st.unitsDue),
    surrendered: st.totalCounted,
    shortfall: st.shortfall,
    penaltyFen: st.penalty.fineFen,
    nextYearDeduction: st.penalty.nextYearDeduction + st.penalty.makeGood,
    allowancesSurrendered: st.allowancesCounted,
    creditsSurrendered: credits.map((line, i) => ({ line, used: st.offsets.lines[i]?.used ?? 0 })),
  };
}
