import { parseNewUser, parseUserAccess } from './new-user';

const PASSWORD = 'twelve chars+';

describe('parseNewUser (POST /auth/users)', () => {
  it('builds the principal each role carries', () => {
    expect(
      parseNewUser({
        username: 'cq-cement-002',
        password: PASSWORD,
        role: 'enterprise',
        memberId: 'cq-cement-002',
        province: 'CQ',
      }),
    ).toEqual({
      ok: true,
      password: PASSWORD,
      principal: {
        role: 'enterprise',
        id: 'cq-cement-002',
        memberId: 'cq-cement-002',
        accountIds: ['cq-cement-002'],
        province: 'CQ',
      },
    });
    expect(
      parseNewUser({
        username: 'f',
        password: PASSWORD,
        role: 'enterprise',
        memberId: 'm',
        accountIds: ['a1', 'a2'],
      }),
    ).toMatchObject({
      ok: true,
      principal: { role: 'enterprise', id: 'f', memberId: 'm', accountIds: ['a1', 'a2'] },
    });
    expect(
      parseNewUser({ username: 'sc-dee-2', password: PASSWORD, role: 'regulator', province: 'SC' }),
    ).toMatchObject({
      ok: true,
      principal: { role: 'regulator', id: 'sc-dee-2', province: 'SC' },
    });
    expect(parseNewUser({ username: 'v', password: PASSWORD, role: 'verifier' })).toMatchObject({
      ok: true,
      principal: { role: 'verifier', id: 'v' },
    });
  });

  it.each([
    [{ password: PASSWORD, role: 'admin' }, 'username'],
    [{ username: 'has space', password: PASSWORD, role: 'admin' }, 'username'],
    [{ username: 'u', password: 'short', role: 'admin' }, 'password'],
    [{ username: 'u', password: PASSWORD, role: 'king' }, 'role'],
    [{ username: 'u', password: PASSWORD, role: 'regulator' }, 'province'],
    [{ username: 'u', password: PASSWORD, role: 'regulator', province: 'XX' }, 'province'],
    [{ username: 'u', password: PASSWORD, role: 'regulator', province: 'CQ', memberId: 'm' }, 'memberId'],
    [{ username: 'u', password: PASSWORD, role: 'enterprise' }, 'memberId'],
    [{ username: 'u', password: PASSWORD, role: 'enterprise', memberId: 'm', accountIds: [] }, 'accountIds'],
    [{ username: 'u', password: PASSWORD, role: 'researcher', province: 'CQ' }, 'province'],
    [{ username: 'u', password: PASSWORD, role: 'admin', accountIds: ['a'] }, 'accountIds'],
    [{ username: 'u', password: PASSWORD, role: 'admin', isRoot: true }, 'isRoot'],
  ])('refuses %j naming %s', (body, field) => {
    const result = parseNewUser(body);
    expect(result).toMatchObject({ ok: false, field });
    expect(!result.ok && result.message.startsWith(`${field}: `)).toBe(true);
  });

  it('refuses a body that is no object', () => {
    expect(parseNewUser(undefined)).toMatchObject({ ok: false, field: 'body' });
    expect(parseNewUser([1])).toMatchObject({ ok: false, field: 'body' });
  });
});

describe('parseUserAccess (PUT /auth/users/:username)', () => {
  it('builds the principal of the user named in the path, what the role carries replaced whole', () => {
    expect(parseUserAccess('cq-cement-002', { role: 'enterprise', memberId: 'cq-cement-009' })).toEqual({
      ok: true,
      principal: {
        role: 'enterprise',
        id: 'cq-cement-002',
        memberId: 'cq-cement-009',
        accountIds: ['cq-cement-009'],
      },
    });
    expect(parseUserAccess('desk', { role: 'regulator', province: 'SC' })).toEqual({
      ok: true,
      principal: { role: 'regulator', id: 'desk', province: 'SC' },
    });
    expect(parseUserAccess('desk', { role: 'researcher' })).toEqual({
      ok: true,
      principal: { role: 'researcher', id: 'desk' },
    });
  });

  it.each([
    [{}, 'role'],
    [{ role: 'enterprise' }, 'memberId'],
    [{ role: 'regulator', province: 'CQ', accountIds: ['a'] }, 'accountIds'],
    [{ role: 'admin', province: 'CQ' }, 'province'],
    // Neither the name nor the password is changed here.
    [{ role: 'admin', username: 'other' }, 'username'],
    [{ role: 'admin', password: 'twelve chars+' }, 'password'],
  ])('refuses %j naming %s', (body, field) => {
    expect(parseUserAccess('u', body)).toMatchObject({ ok: false, field });
  });
});
