import type { Principal } from '@app/domain';

export type UserRole = Principal['role'];
export const USER_ROLES: readonly UserRole[] = ['enterprise', 'regulator', 'verifier', 'researcher', 'admin'];

/** The fields of the user form, as typed. */
export interface UserForm {
  username: string;
  password: string;
  role: UserRole;
  province: '' | 'CQ' | 'SC';
  memberId: string;
  /** Comma- or space-separated; empty for "the member id". */
  accountIds: string;
}

export const emptyUserForm = (): UserForm => ({
  username: '',
  password: '',
  role: 'enterprise',
  province: '',
  memberId: '',
  accountIds: '',
});

/** Which fields a role carries: the form shows only these, and sends only these. */
export const roleFields = (role: UserRole): readonly ('province' | 'memberId' | 'accountIds')[] =>
  role === 'enterprise' ? ['province', 'memberId', 'accountIds'] : role === 'regulator' ? ['province'] : [];

/** What a role lets the user do (`PUT /auth/users/:username`), from the form: only the fields it carries. */
export function accessBody(form: UserForm): Record<string, unknown> {
  const fields = roleFields(form.role);
  const accountIds = form.accountIds.split(/[\s,]+/).filter(Boolean);
  return {
    role: form.role,
    ...(fields.includes('province') && form.province ? { province: form.province } : {}),
    ...(fields.includes('memberId') && form.memberId.trim() ? { memberId: form.memberId.trim() } : {}),
    ...(fields.includes('accountIds') && accountIds.length > 0 ? { accountIds } : {}),
  };
}

/** A new user (`POST /auth/users`): its name, password and access. The server checks the rest. */
export const newUserBody = (form: UserForm): Record<string, unknown> => ({
  username: form.username.trim(),
  password: form.password,
  ...accessBody(form),
});

/** The form filled from a user's principal, to change its access. */
export function formOfPrincipal(principal: Principal): UserForm {
  return {
    ...emptyUserForm(),
    username: principal.id,
    role: principal.role,
    province:
      principal.role === 'enterprise' || principal.role === 'regulator' ? (principal.province ?? '') : '',
    memberId: principal.role === 'enterprise' ? principal.memberId : '',
    accountIds: principal.role === 'enterprise' ? principal.accountIds.join(', ') : '',
  };
}

/** One line for the table: the province and member a principal acts for. */
export function scopeOf(principal: Principal): string {
  if (principal.role === 'enterprise')
    return [principal.province, principal.memberId, principal.accountIds.join(', ')]
      .filter(Boolean)
      .join(' · ');
  return principal.role === 'regulator' ? principal.province : '';
}
