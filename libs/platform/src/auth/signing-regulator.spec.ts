import type { Principal } from '@app/domain';
import { type JsonValue, runWithAuditContext } from '@app/event-store';
import { currentPrincipal, signingRegulators } from './signing-regulator';

const KNOWN = { 'CQ-EEB': 'CQ', 'SC-DEE': 'SC' } as const;
const as = <T>(principal: Principal, work: () => T): T =>
  runWithAuditContext(
    {
      actor: principal.id,
      role: principal.role,
      route: 'POST /x',
      at: '2026-11-25T00:00:00Z',
      principal: { ...principal } as Record<string, JsonValue>,
    },
    work,
  );

describe('signingRegulators: who may sign a regulator’s key where the command executes', () => {
  it('without a principal (the services’ own work, access not enforced): the known regulators', () => {
    expect(currentPrincipal()).toBeUndefined();
    expect(signingRegulators(KNOWN)).toBe(KNOWN);
  });

  it('while a regulator acts: that regulator alone, for its own province', () => {
    const cq: Principal = { role: 'regulator', id: 'regulator-cq', province: 'CQ' };
    expect(as(cq, () => signingRegulators(KNOWN))).toEqual({ 'regulator-cq': 'CQ' });
  });

  it('while anyone else acts: refused (403 ACCESS.FORBIDDEN), an administrator included', () => {
    for (const principal of [
      { role: 'admin', id: 'admin' },
      { role: 'enterprise', id: 'cq-steel-001', memberId: 'cq-steel-001', accountIds: ['cq-steel-001'] },
    ] as Principal[])
      expect(() => as(principal, () => signingRegulators(KNOWN))).toThrow(
        expect.objectContaining({
          code: 'ACCESS.FORBIDDEN',
          message: expect.stringContaining(`${principal.id} is signed in as ${principal.role}`),
        }),
      );
  });
});
