import { mulDiv } from '@app/domain';
import type { YearResult } from './result';

/**
 * How close a market came to the least-cost benchmark: the final-tenth VWAP's error against the
 * equilibrium price, basis points, signed, half-up (undefined when the benchmark price is 0).
 */
export function priceErrorBp(y: YearResult, market: string): number | undefined {
  const eq = y.analytic[market]?.equilibriumPrice ?? 0;
  const m = y.markets[market];
  if (eq <= 0 || !m) return undefined;
  return mulDiv(m.vwapFinalDays - eq, 10_000, eq, 'half-up');
}

/** Least-cost ÷ simulated total abatement cost, basis points, floor (10,000 when nothing was spent). */
export function costEfficiencyBp(y: YearResult): number {
  const cost = Object.values(y.jurisdictions).reduce((a, j) => a + j.abatementCostFen, 0);
  const min = Object.values(y.analytic).reduce((a, j) => a + j.minAbatementCostFen, 0);
  return cost <= 0 ? 10_000 : mulDiv(min, 10_000, cost, 'floor');
}
