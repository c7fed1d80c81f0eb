import { DomainError } from '@app/domain';

export const PRICING_ERRORS = {
  BAD_PARAMETER: 'PRICING.BAD_PARAMETER',
  INVALID_STANDARD: 'PRICING.INVALID_STANDARD',
  NOT_ADOPTED: 'PRICING.NOT_ADOPTED',
  NO_STANDARD_IN_FORCE: 'PRICING.NO_STANDARD_IN_FORCE',
  NO_PRICE: 'PRICING.NO_PRICE',
  OFF_TICK: 'PRICING.OFF_TICK',
  OUTSIDE_BAND: 'PRICING.OUTSIDE_BAND',
  UNKNOWN_FACTOR: 'PRICING.UNKNOWN_FACTOR',
  UNKNOWN_BENCHMARK: 'PRICING.UNKNOWN_BENCHMARK',
} as const;
export type PricingErrorCode = (typeof PRICING_ERRORS)[keyof typeof PRICING_ERRORS];

export class PricingError extends DomainError {
  constructor(code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
    this.name = 'PricingError';
  }
}

export function requireNonNegativeInt(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PricingError(
      PRICING_ERRORS.BAD_PARAMETER,
      `${what} must be a non-negative safe integer, got ${value}`,
      { field: what, value },
    );
  }
  return value;
}

export function requirePositiveInt(value: number, what: string): number {
  requireNonNegativeInt(value, what);
  if (value === 0)
    throw new PricingError(PRICING_ERRORS.BAD_PARAMETER, `${what} must be > 0`, { field: what, value });
  return value;
}
