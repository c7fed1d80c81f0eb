import { DomainError } from '@app/domain';

/** Ledger refusals of a custody move, named by the body field the member gave. */
export function withCustodyField(error: unknown, accountField: string): unknown {
  if (!(error instanceof DomainError) || error.details.field !== undefined) return error;
  if (error.code === 'LEDGER.INSUFFICIENT_UNITS')
    return new DomainError(error.code, error.message.replace(/^[A-Z_.]+: /, ''), {
      ...error.details,
      field: 'quantity',
    });
  if (error.code === 'LEDGER.UNKNOWN_ACCOUNT')
    return new DomainError(error.code, error.message.replace(/^[A-Z_.]+: /, ''), {
      ...error.details,
      field: accountField,
    });
  return error;
}
