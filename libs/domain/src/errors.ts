/** Base class for every rule violation raised by the pure core. `code` is stable (e.g. `LEDGER.INSUFFICIENT_UNITS`). */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${message}`);
    this.name = 'DomainError';
  }
}

export const DOMAIN_ERRORS = {
  NOT_SAFE_INTEGER: 'DOMAIN.NOT_SAFE_INTEGER',
  NEGATIVE: 'DOMAIN.NEGATIVE',
  DIVISION_BY_ZERO: 'DOMAIN.DIVISION_BY_ZERO',
  INVALID_ARGUMENT: 'DOMAIN.INVALID_ARGUMENT',
} as const;
