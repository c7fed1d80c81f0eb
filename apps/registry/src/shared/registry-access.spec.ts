import type { Principal } from '@app/domain';
import type { LedgerEvent } from '@app/ledger';
import { assertPrincipalMayAppend } from './registry-access';

const firm: Principal = { role: 'enterprise', id: 'cq-a', memberId: 'cq-a', accountIds: ['cq-a'] };
const cq: Principal = { role: 'regulator', id: 'regulator-cq', province: 'CQ' };
const move = (type: 'UnitsTransferred' | 'UnitsRetired', from: string) =>
  ({ type, commandId: 'c', from, to: 'x', ranges: [], quantity: 1 }) as unknown as LedgerEvent;
const issue = { type: 'UnitsIssued', commandId: 'c', accountId: 'CQ-GOVERNMENT' } as unknown as LedgerEvent;

describe('handler-level registry access', () => {
  it('lets a holder move its own units only', () => {
    expect(() => assertPrincipalMayAppend(firm, 'CQ', [move('UnitsTransferred', 'cq-a')])).not.toThrow();
    expect(() => assertPrincipalMayAppend(firm, 'CQ', [move('UnitsRetired', 'cq-b')])).toThrow(
      expect.objectContaining({
        code: 'ACCESS.FORBIDDEN',
        message: 'ACCESS.FORBIDDEN: registry.hold: cq-b is not yours',
      }),
    );
  });

  it('keeps issuance from enterprises, leaves regulators to the edge (joint work writes to both registries)', () => {
    expect(() => assertPrincipalMayAppend(firm, 'CQ', [issue])).toThrow(
      expect.objectContaining({ code: 'ACCESS.FORBIDDEN' }),
    );
    expect(() =>
      assertPrincipalMayAppend(cq, 'CQ', [issue, move('UnitsTransferred', 'CQ-GOVERNMENT')]),
    ).not.toThrow();
    expect(() => assertPrincipalMayAppend(cq, 'SC', [move('UnitsTransferred', 'sc-escrow')])).not.toThrow();
  });
});
