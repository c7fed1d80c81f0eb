import { mulDiv } from '@app/domain';
import { COMPLIANCE_ERRORS, ComplianceError, requireNonNegativeInt } from './errors';

/**
 * Shortfall penalties.
 * - `national-2024`: multiplier ∈ [5, 10] × average price of the month before the deadline × shortfall,
 *   plus the shortfall deducted from next year's allocation.
 * - `eu-fixed`: a fixed fine per tonne (€100, optionally indexed) and make-good: the shortfall is still owed.
 * - `shenzhen`: 3 × the average price of the previous six months × shortfall, plus next-year deduction.
 */
export type PenaltyRule =
  | { readonly kind: 'national-2024'; readonly multiplier: number }
  | { readonly kind: 'eu-fixed'; readonly finePerTonneFen: number }
  | { readonly kind: 'shenzhen'; readonly multiplier: number };

export interface MarketPrices {
  /** Average price of the last month before the surrender deadline (fen). */
  readonly avgPriceLastMonthFen?: number;
  /** Average price over the six months before the deadline (fen). */
  readonly avgPriceSixMonthsFen?: number;
}

export interface PenaltyAssessment {
  readonly rule: PenaltyRule['kind'];
  readonly shortfall: number;
  readonly fineFen: number;
  /** Units deducted from next year's free allocation. */
  readonly nextYearDeduction: number;
  /** Units still owed on top of the fine (EU make-good). */
  readonly makeGood: number;
}

export const EU_FINE_PER_TONNE_FEN = 10_000;

function price(value: number | undefined, what: string): number {
  if (value === undefined)
    throw new ComplianceError(COMPLIANCE_ERRORS.MISSING_PRICE, `${what} is required for this penalty rule`, {
      what,
    });
  return requireNonNegativeInt(value, what);
}

export function assessPenalty(
  rule: PenaltyRule,
  shortfall: number,
  prices: MarketPrices = {},
): PenaltyAssessment {
  requireNonNegativeInt(shortfall, 'shortfall');
  const none = { rule: rule.kind, shortfall: 0, fineFen: 0, nextYearDeduction: 0, makeGood: 0 };
  switch (rule.kind) {
    case 'national-2024': {
      if (!Number.isSafeInteger(rule.multiplier) || rule.multiplier < 5 || rule.multiplier > 10) {
        throw new ComplianceError(
          COMPLIANCE_ERRORS.BAD_MULTIPLIER,
          `multiplier must be 5–10, got ${rule.multiplier}`,
          { multiplier: rule.multiplier },
        );
      }
      if (shortfall === 0) return none;
      const p = price(prices.avgPriceLastMonthFen, 'avgPriceLastMonthFen');
      return {
        ...none,
        shortfall,
        fineFen: mulDiv(rule.multiplier * p, shortfall, 1, 'trunc'),
        nextYearDeduction: shortfall,
      };
    }
    case 'eu-fixed':
      return {
        ...none,
        shortfall,
        fineFen: mulDiv(
          requireNonNegativeInt(rule.finePerTonneFen, 'finePerTonneFen'),
          shortfall,
          1,
          'trunc',
        ),
        makeGood: shortfall,
      };
    case 'shenzhen': {
      if (!Number.isSafeInteger(rule.multiplier) || rule.multiplier <= 0) {
        throw new ComplianceError(COMPLIANCE_ERRORS.BAD_MULTIPLIER, `multiplier must be a positive integer`, {
          multiplier: rule.multiplier,
        });
      }
      if (shortfall === 0) return none;
      const p = price(prices.avgPriceSixMonthsFen, 'avgPriceSixMonthsFen');
      return {
        ...none,
        shortfall,
        fineFen: mulDiv(rule.multiplier * p, shortfall, 1, 'trunc'),
        nextYearDeduction: shortfall,
      };
    }
  }
}
