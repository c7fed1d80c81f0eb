import fc from 'fast-check';
import { ACTIONS, type Action } from './actions';
import { authorize, authorizeAny } from './authorize';
import { PROVINCES, ROLES, type Principal } from './principal';

const cq: Principal = { role: 'regulator', id: 'regulator-cq', province: 'CQ' };
const firm: Principal = {
  role: 'enterprise',
  id: 'cq-steel-001',
  memberId: 'cq-steel-001',
  accountIds: ['cq-steel-001'],
};

describe('authorize', () => {
  it('lets anyone read public data, and refuses protected actions without credentials (401)', () => {
    expect(authorize(undefined, 'public.read')).toMatchObject({ allowed: true });
    expect(authorize(undefined, 'order.trade', { owners: ['x'] })).toMatchObject({
      allowed: false,
      status: 401,
    });
  });

  it('lets an enterprise act only on its own member and accounts', () => {
    expect(authorize(firm, 'order.trade', { owners: ['cq-steel-001'] })).toMatchObject({ allowed: true });
    expect(authorize(firm, 'order.trade', { owners: ['sc-power-001'] })).toMatchObject({
      allowed: false,
      status: 403,
      reason: 'order.trade: sc-power-001 is not yours',
    });
    expect(authorize(firm, 'order.trade', {})).toMatchObject({ allowed: false, status: 403 });
    expect(
      authorize(firm, 'order.trade', { owners: ['cq-steel-001', 'sc-power-001'], ownersMatch: 'any' }),
    ).toMatchObject({ allowed: true });
  });

  it("refuses a Chongqing regulator Sichuan's rules, names the reason", () => {
    expect(authorize(cq, 'registry.administer', { jurisdiction: 'CQ' })).toMatchObject({ allowed: true });
    expect(authorize(cq, 'market.rules', { jurisdiction: 'SC' })).toEqual({
      allowed: false,
      status: 403,
      reason: 'market.rules: a CQ regulator cannot act for SC',
    });
  });

  it("lets only the side's regulator decide a cross-province transfer; no administrator", () => {
    const sc: Principal = { role: 'regulator', id: 'regulator-sc', province: 'SC' };
    // A CQ→SC transfer: the outflow is Chongqing's, the inflow Sichuan's.
    expect(authorize(cq, 'registry.decide', { jurisdiction: 'CQ' })).toMatchObject({ allowed: true });
    expect(authorize(sc, 'registry.decide', { jurisdiction: 'CQ' })).toEqual({
      allowed: false,
      status: 403,
      reason: 'registry.decide: a SC regulator cannot act for CQ',
    });
    expect(
      authorize({ role: 'admin', id: 'admin' }, 'registry.decide', { jurisdiction: 'CQ' }),
    ).toMatchObject({
      allowed: false,
      status: 403,
      reason: 'registry.decide is not allowed to role admin',
    });
    expect(authorize(firm, 'registry.decide', { owners: ['cq-steel-001'] })).toMatchObject({
      allowed: false,
    });
  });

  it("lets a record's parties read it: an enterprise named in it, a regulator of one of its provinces", () => {
    // A CQ→SC transfer from cq-steel-001 to sc-power-001.
    const parties = [
      { jurisdiction: 'CQ', owners: ['cq-steel-001', 'sc-power-001'], ownersMatch: 'any' as const },
      { jurisdiction: 'SC', owners: ['cq-steel-001', 'sc-power-001'], ownersMatch: 'any' as const },
    ];
    const other: Principal = {
      ...firm,
      id: 'cq-paper-001',
      memberId: 'cq-paper-001',
      accountIds: ['cq-paper-001'],
    };
    expect(authorizeAny(firm, 'registry.read', parties)).toMatchObject({ allowed: true });
    expect(authorizeAny(other, 'registry.read', parties)).toEqual({
      allowed: false,
      status: 403,
      reason: 'registry.read: cq-steel-001, sc-power-001 is not yours',
    });
    expect(authorizeAny(cq, 'registry.read', parties)).toMatchObject({ allowed: true });
    expect(authorizeAny(cq, 'registry.read', [parties[1]!])).toMatchObject({
      allowed: false,
      reason: 'registry.read: a CQ regulator cannot act for SC',
    });
    expect(authorizeAny({ role: 'verifier', id: 'v' }, 'registry.read', parties)).toMatchObject({
      allowed: true,
    });
    expect(authorizeAny({ role: 'researcher', id: 'r' }, 'registry.read', parties)).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(authorizeAny(undefined, 'registry.read', parties)).toMatchObject({ allowed: false, status: 401 });
    expect(authorizeAny(cq, 'registry.read', [])).toMatchObject({ allowed: false, status: 403 });
    expect(authorizeAny(undefined, 'public.read', [])).toMatchObject({ allowed: true });
  });

  it('refuses a role the action does not list', () => {
    expect(authorize({ role: 'researcher', id: 'r' }, 'order.trade', { owners: ['r'] })).toMatchObject({
      allowed: false,
      status: 403,
      reason: 'order.trade is not allowed to role researcher',
    });
    expect(authorize(firm, 'registry.verify')).toMatchObject({ allowed: false, status: 403 });
  });

  // Invariants over every action, role, province and owner set.
  const principal = fc.oneof(
    fc.record({
      role: fc.constant('enterprise' as const),
      id: fc.string(),
      memberId: fc.string({ minLength: 1 }),
      accountIds: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
    }),
    fc.record({
      role: fc.constant('regulator' as const),
      id: fc.string(),
      province: fc.constantFrom(...PROVINCES),
    }),
    fc.record({
      role: fc.constantFrom('verifier' as const, 'researcher' as const, 'admin' as const),
      id: fc.string(),
    }),
  );
  const action = fc.constantFrom(...(Object.keys(ACTIONS) as Action[]));
  const resource = fc.record(
    {
      jurisdiction: fc.constantFrom('CQ', 'SC', 'cq', 'NATIONAL'),
      owners: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
      ownersMatch: fc.constantFrom('all' as const, 'any' as const),
    },
    { requiredKeys: [] },
  );

  it('never lets a role the action does not list through, and never answers 401 to a signed-in principal', () => {
    fc.assert(
      fc.property(principal, action, resource, (p, a, r) => {
        const decision = authorize(p as Principal, a, r);
        const policy = ACTIONS[a] as { public?: true; roles?: Record<string, string> };
        if (!policy.public && !policy.roles?.[p.role]) expect(decision.allowed).toBe(false);
        if (!decision.allowed) expect(decision.status).toBe(403);
      }),
    );
  });

  it('an enterprise allowed an own-scoped action owns every id it named (all) or one of them (any)', () => {
    fc.assert(
      fc.property(principal, action, resource, (p, a, r) => {
        const decision = authorize(p as Principal, a, r);
        const policy = ACTIONS[a] as { roles?: Record<string, string> };
        if (p.role !== 'enterprise' || policy.roles?.enterprise !== 'own' || !decision.allowed) return;
        const own = new Set([p.memberId, ...p.accountIds]);
        const owners = r.owners ?? [];
        expect(owners.length).toBeGreaterThan(0);
        if (r.ownersMatch === 'any') expect(owners.some((id) => own.has(id))).toBe(true);
        else expect(owners.every((id) => own.has(id))).toBe(true);
      }),
    );
  });

  it('a regulator allowed a province-scoped action acts in its own province only', () => {
    fc.assert(
      fc.property(principal, action, resource, (p, a, r) => {
        const policy = ACTIONS[a] as { roles?: Record<string, string> };
        if (p.role !== 'regulator' || policy.roles?.regulator !== 'province' || r.jurisdiction === undefined)
          return;
        const named = r.jurisdiction.toUpperCase();
        expect(authorize(p as Principal, a, r).allowed).toBe(
          named === p.province || !['CQ', 'SC'].includes(named),
        );
      }),
    );
  });

  it('authorizeAny allows exactly when one of the resources alone is allowed', () => {
    fc.assert(
      fc.property(principal, action, fc.array(resource, { maxLength: 3 }), (p, a, rs) => {
        const one = rs.some((r) => authorize(p as Principal, a, r).allowed);
        const decision = authorizeAny(p as Principal, a, rs);
        if (rs.length > 0) expect(decision.allowed).toBe(one);
        else expect(decision.allowed).toBe(Boolean((ACTIONS[a] as { public?: true }).public));
      }),
    );
  });

  it('every role appears in the table', () => {
    const listed = new Set(
      Object.values(ACTIONS).flatMap((p) => Object.keys((p as { roles?: object }).roles ?? {})),
    );
    expect([...listed].sort()).toEqual([...ROLES].sort());
  });
});
