import { balanceOf, supplyTotals } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import { AllocateUnits } from './allocate-units.command';
import type { AllocateUnitsDto } from './allocate-units.dto';
import { AllocateUnitsHandler } from './allocate-units.handler';

// Cap 1,000: 10 % auctioned (100), 5 % government reserve (50), free pool 850. Entitlements
// 600 + 400 = 1,000 exceed it, so both scale by 0.85: steel 510, cement 340.
const body = (over: Partial<AllocateUnitsDto> = {}): AllocateUnitsDto =>
  Object.assign(
    {
      commandId: 'alloc-2025',
      actor: 'regulator:cq-eco',
      vintage: 2025,
      rules: {
        cap: 1000,
        auctionShareBp: 1000,
        newEntrantReserveBp: 0,
        governmentReserveBp: 500,
        entitlementRounding: 'half-up',
        scaling: 'largest-remainder',
      },
      firms: [
        { firmId: 'steel', method: 'fixed', quantity: 600 },
        { firmId: 'cement', accountId: 'cement-holding', method: 'fixed', quantity: 400 },
      ],
    },
    over,
  ) as AllocateUnitsDto;

describe('AllocateUnits', () => {
  describe('given the firms hold accounts in CQ', () => {
    const setup = () => givenRegistry('CQ', { accounts: ['steel', 'cement-holding'] });

    it('issues the cap to the government, sets the auction pool aside and credits each firm', async () => {
      const registry = await setup();
      const view = await new AllocateUnitsHandler(registry).execute(new AllocateUnits('CQ', body()));
      expect(view.preview).toMatchObject({
        cap: 1000,
        auction: 100,
        governmentReserve: 50,
        freePool: 850,
        scaled: true,
      });
      expect(view.firms).toEqual([
        expect.objectContaining({
          firmId: 'steel',
          accountId: 'steel',
          quantity: 510,
          ranges: [expect.objectContaining({ start: 101, end: 610 })],
        }),
        expect.objectContaining({ firmId: 'cement', accountId: 'cement-holding', quantity: 340 }),
      ]);
      const { ledger } = await registry.load('CQ');
      expect(
        ['steel', 'cement-holding', 'CQ-AUCTION', 'CQ-GOVERNMENT'].map((a) => balanceOf(ledger, a)),
      ).toEqual([510, 340, 100, 50]);
      expect([...supplyTotals(ledger).values()]).toEqual([
        expect.objectContaining({ issued: 1000, held: 1000 }),
      ]);
    });

    it('answers a retry with the first answer, and refuses another table under the same command id', async () => {
      const registry = await setup();
      const handler = new AllocateUnitsHandler(registry);
      const first = await handler.execute(new AllocateUnits('CQ', body()));
      const again = await handler.execute(new AllocateUnits('CQ', body()));
      expect(again).toEqual({ ...first, replayed: true });
      const changed = body({
        firms: [
          { firmId: 'steel', method: 'fixed', quantity: 600 },
          { firmId: 'cement', accountId: 'cement-holding', method: 'fixed', quantity: 300 },
        ] as AllocateUnitsDto['firms'],
      });
      await expect(handler.execute(new AllocateUnits('CQ', changed))).rejects.toMatchObject({
        code: 'REGISTRY.COMMAND_ID_CONFLICT',
      });
    });

    it('issues nothing when a firm has no account', async () => {
      const registry = await givenRegistry('CQ', { accounts: ['steel'] });
      await expect(
        new AllocateUnitsHandler(registry).execute(new AllocateUnits('CQ', body())),
      ).rejects.toMatchObject({
        code: 'LEDGER.UNKNOWN_ACCOUNT',
      });
      const { ledger } = await registry.load('CQ');
      expect(supplyTotals(ledger).size).toBe(0);
    });
  });
});
