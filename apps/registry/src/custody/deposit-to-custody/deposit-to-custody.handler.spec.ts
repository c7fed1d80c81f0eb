import { balanceOf } from '@app/ledger';
import { Outbox } from '@app/messaging';
import { InstrumentCatalogue } from '@app/platform';
import { givenRegistry } from '../../shared/registry-fixture';
import { DepositToCustody } from './deposit-to-custody.command';
import type { DepositToCustodyDto } from './deposit-to-custody.dto';
import { DepositToCustodyHandler } from './deposit-to-custody.handler';

const catalogue = {
  get: (symbol: string) =>
    ({
      'CQEA-2025': { symbol, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
      'CQEA-2024': { symbol, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2024 },
      'SCEA-2025': { symbol, jurisdiction: 'SC', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
      CCER: { symbol, jurisdiction: 'NATIONAL', kind: 'CCER' },
    })[symbol],
} as unknown as InstrumentCatalogue;

const dto = (over: Partial<DepositToCustodyDto> = {}): DepositToCustodyDto =>
  Object.assign(
    { commandId: 'dep-1', actor: 'steel', memberId: 'steel', instrument: 'CQEA-2025', quantity: 300 },
    over,
  );

describe('DepositToCustody', () => {
  describe('given steel holds 1,000 allowances of 2025 and 500 of 2024', () => {
    const setup = async () => {
      const registry = await givenRegistry('CQ', {
        accounts: ['steel'],
        allowances: [
          { accountId: 'steel', vintage: 2025, quantity: 1000 },
          { accountId: 'steel', vintage: 2024, quantity: 500 },
        ],
      });
      return { registry, handler: new DepositToCustodyHandler(registry, catalogue, new Outbox()) };
    };

    it('opens CQ-EXCHANGE on first use and moves the instrument’s vintage into it, lowest serial first', async () => {
      const { registry, handler } = await setup();
      const view = await handler.execute(new DepositToCustody('CQ', dto()));
      expect(view).toMatchObject({
        quantity: 300,
        custodyAccount: 'CQ-EXCHANGE',
        memberId: 'steel',
        replayed: false,
      });
      const { ledger } = await registry.load('CQ');
      expect(ledger.accounts['CQ-EXCHANGE']).toMatchObject({
        accountType: 'ENTERPRISE_HOLDING',
        ownerId: 'exchange',
      });
      expect(balanceOf(ledger, 'CQ-EXCHANGE', { vintage: 2025 })).toBe(300);
      expect(balanceOf(ledger, 'steel', { vintage: 2025 })).toBe(700);
      expect(balanceOf(ledger, 'steel', { vintage: 2024 })).toBe(500);
    });

    it('answers a retry with the first answer and refuses another body under the same id', async () => {
      const { handler } = await setup();
      await handler.execute(new DepositToCustody('CQ', dto()));
      expect(await handler.execute(new DepositToCustody('CQ', dto()))).toMatchObject({ replayed: true });
      await expect(handler.execute(new DepositToCustody('CQ', dto({ quantity: 301 })))).rejects.toMatchObject(
        {
          code: 'REGISTRY.COMMAND_ID_CONFLICT',
          details: expect.objectContaining({ field: 'commandId' }),
        },
      );
    });

    it.each([
      [{ quantity: 1001 }, 'LEDGER.INSUFFICIENT_UNITS', 'quantity'],
      [{ instrument: 'NOPE' }, 'EXCHANGE.UNKNOWN_INSTRUMENT', 'instrument'],
      [{ instrument: 'SCEA-2025' }, 'CUSTODY.WRONG_REGISTRY', 'instrument'],
      [{ instrument: 'CCER' }, 'CUSTODY.NO_REGISTRY', 'instrument'],
      [{ memberId: 'cement' }, 'LEDGER.UNKNOWN_ACCOUNT', 'memberId'],
      [{ memberId: 'CQ-GOVERNMENT' }, 'LEDGER.UNKNOWN_ACCOUNT', 'memberId'],
    ])('refuses %j with %s naming %s, moving nothing', async (over, code, field) => {
      const { registry, handler } = await setup();
      const before = (await registry.load('CQ')).version;
      await expect(handler.execute(new DepositToCustody('CQ', dto(over)))).rejects.toMatchObject({
        code,
        details: expect.objectContaining({ field }),
      });
      expect((await registry.load('CQ')).version).toBe(before);
    });
  });
});
