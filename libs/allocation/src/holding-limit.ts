import { divRound, type Rounding } from '@app/domain';
import { requireBp, requireNonNegativeInt } from './errors';

export interface HoldingLimitRules {
  /** 25,000,000 in California. */
  readonly baseQuantity: number;
  /** 10 % of the first `baseQuantity` of the annual budget. */
  readonly baseBp: number;
  /** 2.5 % of the budget above it. */
  readonly aboveBp: number;
  readonly rounding: Rounding;
}

export const CALIFORNIA_HOLDING_LIMIT: HoldingLimitRules = {
  baseQuantity: 25_000_000,
  baseBp: 1000,
  aboveBp: 250,
  rounding: 'floor',
};

/** limit = base × 10 % + (budget − base) × 2.5 %, computed exactly and rounded once. */
export function holdingLimit(
  annualBudget: number,
  rules: HoldingLimitRules = CALIFORNIA_HOLDING_LIMIT,
): number {
  requireNonNegativeInt(annualBudget, 'annualBudget');
  const base = BigInt(Math.min(annualBudget, requireNonNegativeInt(rules.baseQuantity, 'baseQuantity')));
  const above = BigInt(Math.max(0, annualBudget - rules.baseQuantity));
  const num =
    base * BigInt(requireBp(rules.baseBp, 'baseBp')) + above * BigInt(requireBp(rules.aboveBp, 'aboveBp'));
  return Number(divRound(num, 10_000n, rules.rounding));
}
