import { loadDemoData } from './demo-data';
import { demoPrincipals, seedingPrincipal } from './demo-principals';

describe('demo principals', () => {
  it('makes every demo user a principal: firms own their member id, regulators their province', () => {
    const principals = demoPrincipals(loadDemoData());
    expect(principals).toContainEqual({
      role: 'enterprise',
      id: 'cq-steel-001',
      memberId: 'cq-steel-001',
      accountIds: ['cq-steel-001'],
      province: 'CQ',
    });
    expect(principals).toContainEqual({ role: 'regulator', id: 'regulator-sc', province: 'SC' });
    expect(new Set(principals.map((p) => p.role))).toEqual(
      new Set(['enterprise', 'regulator', 'verifier', 'researcher']),
    );
  });

  it("seeds a regulator's key as that province's regulator, everything else as the operator named as the actor", () => {
    expect(seedingPrincipal({ regulator: 'SC-DEE', actor: 'regulator-sc' })).toEqual({
      role: 'regulator',
      id: 'regulator-sc',
      province: 'SC',
    });
    expect(seedingPrincipal({ regulator: 'CQ-EEB' })).toEqual({
      role: 'regulator',
      id: 'regulator-cq',
      province: 'CQ',
    });
    expect(seedingPrincipal({ actor: 'system:demo' })).toEqual({ role: 'admin', id: 'system:demo' });
    expect(seedingPrincipal({ account: 'x' })).toEqual({ role: 'admin', id: 'sandbox-demo' });
  });
});
