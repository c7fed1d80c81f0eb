import { givenRegistry } from '../../shared/registry-fixture';
import { accountList, parseAccountType } from './account-list.view';

describe('accountList', () => {
  const registry = async () => {
    const r = await givenRegistry('CQ', {
      accounts: ['steel', 'cement'],
      allowances: [
        { accountId: 'steel', vintage: 2025, quantity: 10 },
        { accountId: 'cement', vintage: 2025, quantity: 4 },
        { vintage: 2025, quantity: 5 },
      ],
    });
    await r.execute({ jurisdiction: 'CQ', commandId: 'lock-steel', actor: 'test' }, () => [
      {
        type: 'LockUnits',
        commandId: 'lock-steel',
        accountId: 'steel',
        lockId: 'pending-transfer',
        selection: { by: 'serials', start: 1, end: 3 },
        reason: 'a pending transfer',
      },
    ]);
    return r.load('CQ');
  };

  it('lists every account by id with the units it holds and how many of them are locked', async () => {
    const { ledger, version } = await registry();
    const list = accountList(ledger, 'CQ', version);
    expect(list.version).toBe(version);
    expect(list.accounts.map((a) => a.accountId)).toEqual([...list.accounts.map((a) => a.accountId)].sort());
    expect(list.accounts.find((a) => a.accountId === 'steel')).toEqual({
      accountId: 'steel',
      accountType: 'ENTERPRISE_HOLDING',
      total: 10,
      locked: 3,
    });
    expect(list.accounts.find((a) => a.accountId === 'CQ-GOVERNMENT')).toMatchObject({
      accountType: 'GOVERNMENT',
      total: 5,
      locked: 0,
    });
    // No unit is counted twice or missed: the list's totals are everything issued.
    expect(list.accounts.reduce((sum, a) => sum + a.total, 0)).toBe(19);
  });

  it('keeps only the accounts of the type asked for', async () => {
    const { ledger, version } = await registry();
    expect(
      accountList(ledger, 'CQ', version, 'ENTERPRISE_HOLDING').accounts.map((a) => [a.accountId, a.total]),
    ).toEqual([
      ['cement', 4],
      ['steel', 10],
    ]);
  });

  it('takes a known account type or none, and refuses any other value naming the field', () => {
    expect(parseAccountType(undefined)).toBeUndefined();
    expect(parseAccountType('RESERVE')).toBe('RESERVE');
    for (const bad of ['holding', '', ['RESERVE', 'AUCTION'], 'enterprise_holding'])
      expect(() => parseAccountType(bad)).toThrow(
        expect.objectContaining({ code: 'REGISTRY.BAD_PARAMETER', details: { field: 'type' } }),
      );
  });
});
