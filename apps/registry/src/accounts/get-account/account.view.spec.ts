import { givenRegistry } from '../../shared/registry-fixture';
import { accountView } from './account.view';

describe('accountView', () => {
  it('groups holdings by instrument and vintage with their serial ranges', async () => {
    const registry = await givenRegistry('CQ', {
      accounts: ['steel'],
      allowances: [
        { accountId: 'steel', vintage: 2025, quantity: 10 },
        { vintage: 2025, quantity: 5 },
        { accountId: 'steel', vintage: 2024, quantity: 3 },
      ],
    });
    const { ledger, version } = await registry.load('CQ');
    const view = accountView(ledger, 'steel', version);
    expect(view.total).toBe(13);
    expect(
      view.holdings.map((h) => [h.vintage, h.quantity, h.ranges.map((r) => `${r.start}-${r.end}`)]),
    ).toEqual([
      [2024, 3, ['16-18']],
      [2025, 10, ['1-10']],
    ]);
  });

  it('throws LEDGER.UNKNOWN_ACCOUNT (404) for an account never opened', async () => {
    const { ledger } = await (await givenRegistry('CQ')).load('CQ');
    expect(() => accountView(ledger, 'nobody', 0)).toThrow(
      expect.objectContaining({ code: 'LEDGER.UNKNOWN_ACCOUNT' }),
    );
  });
});
