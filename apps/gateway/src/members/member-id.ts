import { DomainError } from '@app/domain';

export const MEMBER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Path parameters are outside input too: a malformed id is a 422 naming it, never a 500. */
export function memberIdParam(id: string): string {
  if (!MEMBER_ID_PATTERN.test(id))
    throw new DomainError(
      'CLEARING.BAD_MEMBER_ID',
      'member id must be 1-64 letters, digits, dot, dash or underscore',
      {
        field: 'memberId',
      },
    );
  return id;
}
