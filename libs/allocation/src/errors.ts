import { DomainError } from '@app/domain';

export const ALLOCATION_ERRORS = {
  BAD_PARAMETER: 'ALLOCATION.BAD_PARAMETER',
  UNKNOWN_YEAR: 'ALLOCATION.UNKNOWN_YEAR',
  SHARES_EXCEED_CAP: 'ALLOCATION.SHARES_EXCEED_CAP',
  DUPLICATE_FIRM: 'ALLOCATION.DUPLICATE_FIRM',
  SUPPLY_NOT_LOT_MULTIPLE: 'AUCTION.SUPPLY_NOT_LOT_MULTIPLE',
  DUPLICATE_BID: 'AUCTION.DUPLICATE_BID',
} as const;
export type AllocationErrorCode = (typeof ALLOCATION_ERRORS)[keyof typeof ALLOCATION_ERRORS];

export class AllocationError extends DomainError {
  constructor(code: AllocationErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
    this.name = 'AllocationError';
  }
}

export function requireNonNegativeInt(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AllocationError(
      ALLOCATION_ERRORS.BAD_PARAMETER,
      `${what} must be a non-negative safe integer, got ${value}`,
      { what, value },
    );
  }
  return value;
}

export function requireBp(value: number, what: string): number {
  requireNonNegativeInt(value, what);
  if (value > 10_000)
    throw new AllocationError(ALLOCATION_ERRORS.BAD_PARAMETER, `${what} must be ≤ 10,000 bp`, {
      what,
      value,
    });
  return value;
}
