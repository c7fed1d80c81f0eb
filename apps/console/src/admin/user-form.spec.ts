import { accessBody, emptyUserForm, formOfPrincipal, newUserBody, scopeOf } from './user-form';

describe('the administrator’s user form', () => {
  it('sends only what the role carries', () => {
    const form = {
      ...emptyUserForm(),
      username: ' cq-cement-002 ',
      password: 'twelve chars+',
      province: 'CQ' as const,
      memberId: 'cq-cement-002',
      accountIds: 'acct-1, acct-2 acct-3',
    };
    expect(newUserBody(form)).toEqual({
      username: 'cq-cement-002',
      password: 'twelve chars+',
      role: 'enterprise',
      province: 'CQ',
      memberId: 'cq-cement-002',
      accountIds: ['acct-1', 'acct-2', 'acct-3'],
    });
    expect(accessBody({ ...form, role: 'regulator' })).toEqual({ role: 'regulator', province: 'CQ' });
    expect(accessBody({ ...form, role: 'researcher' })).toEqual({ role: 'researcher' });
    // Empty fields are left out, so the server names the one missing.
    expect(accessBody({ ...emptyUserForm(), role: 'enterprise' })).toEqual({ role: 'enterprise' });
  });

  it('is filled back from a principal, and describes it in one line', () => {
    const firm = {
      role: 'enterprise' as const,
      id: 'f',
      memberId: 'm',
      accountIds: ['m', 'a2'],
      province: 'SC' as const,
    };
    expect(accessBody(formOfPrincipal(firm))).toEqual({
      role: 'enterprise',
      province: 'SC',
      memberId: 'm',
      accountIds: ['m', 'a2'],
    });
    expect(scopeOf(firm)).toBe('SC · m · m, a2');
    expect(scopeOf({ role: 'regulator', id: 'r', province: 'CQ' })).toBe('CQ');
    expect(scopeOf({ role: 'admin', id: 'a' })).toBe('');
  });
});
