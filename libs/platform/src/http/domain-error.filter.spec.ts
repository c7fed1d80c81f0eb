import { isCodedError, isUnavailable, statusForCode } from './domain-error.filter';

describe('statusForCode', () => {
  it.each([
    ['EXCHANGE.UNKNOWN_INSTRUMENT', 404],
    ['REGISTRY.ACCOUNT_NOT_FOUND', 404],
    ['EVENT_STORE.WRONG_EXPECTED_VERSION', 409],
    ['EXCHANGE.DUPLICATE_ORDER_ID', 409],
    ['LEDGER.INSUFFICIENT_UNITS', 422],
    ['AUTH.FORBIDDEN', 403],
  ])('%s → %d', (code, status) => expect(statusForCode(code)).toBe(status));
});

describe('isCodedError', () => {
  it('recognises errors with an AREA.REASON code only', () => {
    expect(isCodedError(Object.assign(new Error('x'), { code: 'LEDGER.INSUFFICIENT_UNITS' }))).toBe(true);
    expect(isCodedError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isCodedError({ code: 'A.B', message: 'not an Error' })).toBe(false);
  });
});

describe('isUnavailable', () => {
  it('recognises a database that is down or restarting, and nothing else', () => {
    const withCode = (code: string) => Object.assign(new Error('x'), { code });
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006'])
      expect(isUnavailable(withCode(code))).toBe(true);
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    for (const code of ['23505', '22021', 'LEDGER.INSUFFICIENT_UNITS'])
      expect(isUnavailable(withCode(code))).toBe(false);
    expect(isUnavailable(new Error('boom'))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });
});
