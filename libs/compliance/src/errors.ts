import { DomainError } from '@app/domain';

export const COMPLIANCE_ERRORS = {
  BAD_PARAMETER: 'COMPLIANCE.BAD_PARAMETER',
  BAD_MULTIPLIER: 'COMPLIANCE.BAD_MULTIPLIER',
  MISSING_PRICE: 'COMPLIANCE.MISSING_PRICE',
} as const;
export type ComplianceErrorCode = (typeof COMPLIANCE_ERRORS)[keyof typeof COMPLIANCE_ERRORS];

/** Reasons a surrendered unit does not count; stable codes, reported per line, not thrown. */
export const INELIGIBILITY = {
  KIND_NOT_ELIGIBLE: 'COMPLIANCE.KIND_NOT_ELIGIBLE',
  JURISDICTION_NOT_ACCEPTED: 'COMPLIANCE.JURISDICTION_NOT_ACCEPTED',
  PROJECT_TYPE_EXCLUDED: 'COMPLIANCE.PROJECT_TYPE_EXCLUDED',
  VINTAGE_NOT_ELIGIBLE: 'COMPLIANCE.VINTAGE_NOT_ELIGIBLE',
  PROJECT_TOO_OLD: 'COMPLIANCE.PROJECT_TOO_OLD',
  OVER_OFFSET_LIMIT: 'COMPLIANCE.OVER_OFFSET_LIMIT',
  LOCAL_SHARE_MINIMUM: 'COMPLIANCE.LOCAL_SHARE_MINIMUM',
  BANKING_NOT_ALLOWED: 'COMPLIANCE.BANKING_NOT_ALLOWED',
  BORROWING_NOT_ALLOWED: 'COMPLIANCE.BORROWING_NOT_ALLOWED',
  BORROWING_LIMIT: 'COMPLIANCE.BORROWING_LIMIT',
} as const;
export type IneligibilityCode = (typeof INELIGIBILITY)[keyof typeof INELIGIBILITY];

export class ComplianceError extends DomainError {
  constructor(code: ComplianceErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
    this.name = 'ComplianceError';
  }
}

export function requireNonNegativeInt(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ComplianceError(
      COMPLIANCE_ERRORS.BAD_PARAMETER,
      `${what} must be a non-negative safe integer, got ${value}`,
      { what, value },
    );
  }
  return value;
}
