import { DomainError } from '@app/domain';
import { EVENT_STORE_ERRORS, WrongExpectedVersionError } from './errors';

describe('WrongExpectedVersionError', () => {
  it('is a coded domain error the HTTP edge maps to 409', () => {
    const error = new WrongExpectedVersionError('acct-1', 3, 5);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('EVENT_STORE.WRONG_EXPECTED_VERSION');
    expect(error.code).toBe(EVENT_STORE_ERRORS.WRONG_EXPECTED_VERSION);
    expect(error).toMatchObject({
      streamId: 'acct-1',
      expected: 3,
      actual: 5,
      name: 'WrongExpectedVersionError',
    });
    expect(error.details).toEqual({ streamId: 'acct-1', expected: 3, actual: 5 });
  });
});
