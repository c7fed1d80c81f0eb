import { DomainError } from '@app/domain';
import { LEDGER_ERRORS } from '@app/ledger';

export const REGISTRY_ERRORS = {
  UNKNOWN_JURISDICTION: 'REGISTRY.UNKNOWN_JURISDICTION',
  SERIAL_NOT_FOUND: 'REGISTRY.SERIAL_NOT_FOUND',
  BAD_SERIAL: 'REGISTRY.BAD_SERIAL',
  DUPLICATE_ACCOUNT: 'REGISTRY.DUPLICATE_ACCOUNT',
  COMMAND_ID_CONFLICT: 'REGISTRY.COMMAND_ID_CONFLICT',
  WRITE_CONFLICT: 'REGISTRY.WRITE_CONFLICT',
  BAD_SELECTION: 'REGISTRY.BAD_SELECTION',
  DUPLICATE_AUCTION: 'REGISTRY.DUPLICATE_AUCTION',
  UNKNOWN_AUCTION: 'REGISTRY.UNKNOWN_AUCTION',
  UNKNOWN_REPORT: 'REGISTRY.UNKNOWN_REPORT',
  REPORT_CONFLICT: 'REGISTRY.REPORT_CONFLICT',
  AUCTION_STATUS_CONFLICT: 'REGISTRY.AUCTION_STATUS_CONFLICT',
  UNKNOWN_BIDDER: 'REGISTRY.UNKNOWN_BIDDER',
  BAD_AUCTION_RULES: 'REGISTRY.BAD_AUCTION_RULES',
  BID_BELOW_RESERVE: 'AUCTION.BELOW_RESERVE',
  BID_NOT_LOT_MULTIPLE: 'AUCTION.NOT_LOT_MULTIPLE',
  BID_OVER_BIDDER_CAP: 'AUCTION.OVER_BIDDER_CAP',
  INSUFFICIENT_GUARANTEE: 'AUCTION.INSUFFICIENT_GUARANTEE',
  DUPLICATE_BID: 'AUCTION.DUPLICATE_BID',
  MISSING_FIELD: 'REGISTRY.MISSING_FIELD',
  UNKNOWN_ALLOCATION: 'REGISTRY.UNKNOWN_ALLOCATION',
  DUPLICATE_TRUE_UP: 'REGISTRY.DUPLICATE_TRUE_UP',
  BAD_TRUE_UP: 'REGISTRY.BAD_TRUE_UP',
  RULE_VERSION_CONFLICT: 'REGISTRY.RULE_VERSION_CONFLICT',
  BAD_RULE_VERSION: 'REGISTRY.BAD_RULE_VERSION',
  UNKNOWN_RULE_VERSION: 'REGISTRY.UNKNOWN_RULE_VERSION',
  DUPLICATE_MSR_RUN: 'REGISTRY.DUPLICATE_MSR_RUN',
} as const;

export class RegistryError extends DomainError {
  constructor(code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
    this.name = 'RegistryError';
  }
}

/**
 * A few ledger codes mean a conflict with earlier work rather than a broken rule; renamed so the
 * edge answers 409 (an existing account, a reused idempotency key) instead of 422.
 */
export function translateLedgerError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error.code === LEDGER_ERRORS.ACCOUNT_EXISTS)
    return new RegistryError(REGISTRY_ERRORS.DUPLICATE_ACCOUNT, error.message, {
      ...error.details,
      field: 'accountId',
    });
  if (error.code === LEDGER_ERRORS.COMMAND_ID_REUSED)
    return new RegistryError(REGISTRY_ERRORS.COMMAND_ID_CONFLICT, error.message, {
      ...error.details,
      field: 'commandId',
    });
  return error;
}
