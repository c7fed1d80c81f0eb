import { balanceOf } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import { AllocateUnits } from '../allocate-units/allocate-units.command';
import type { AllocateUnitsDto } from '../allocate-units/allocate-units.dto';
import { AllocateUnitsHandler } from '../allocate-units/allocate-units.handler';
import { TrueUpAllocation } from './true-up.command';
import type { TrueUpDto } from './true-up.dto';
import { TrueUpAllocationHandler } from './true-up.handler';

// The national power rule (MARKET-RULES: 70 % pre-allocation, then a true-up): a >300 MW coal
// unit, base-year output 3,000,000 MWh × 0.877 t/MWh × 0.99 = 2,604,690 t, 70 % pre-allocated =
// 1,823,283 t. Verified output 3,100,000 MWh → final 2,691,513 t → true-up +868,230 t.
// A gas unit pre-allocated on 1,000,000 MWh × 0.392 = 392,000 → 274,400; it ran 500,000 MWh →
// final 196,000 → 78,400 clawed back.
const coal = (output: number) => [{ output, benchmark: 877, corrections: [{ num: 99, den: 100 }] }];
const gas = (output: number) => [{ output, benchmark: 392 }];

const allocate = {
  commandId: 'alloc-2025',
  actor: 'regulator:cq-eco',
  vintage: 2025,
  rules: {
    cap: 4_000_000,
    auctionShareBp: 0,
    newEntrantReserveBp: 0,
    governmentReserveBp: 0,
    preAllocationShareBp: 7000,
    entitlementRounding: 'half-up',
    scaling: 'largest-remainder',
  },
  firms: [
    { firmId: 'coal-unit', method: 'benchmark', lines: coal(3_000_000) },
    { firmId: 'gas-unit', method: 'benchmark', lines: gas(1_000_000) },
  ],
} as AllocateUnitsDto;

const trueUp = (over: Partial<TrueUpDto> = {}): TrueUpAllocation =>
  new TrueUpAllocation('CQ', {
    commandId: 'true-up-2025',
    actor: 'regulator:cq-eco',
    allocationCommandId: 'alloc-2025',
    firms: [
      { firmId: 'coal-unit', lines: coal(3_100_000) },
      { firmId: 'gas-unit', lines: gas(500_000) },
    ],
    ...over,
  } as TrueUpDto);

const setup = async () => {
  const registry = await givenRegistry('CQ', { accounts: ['coal-unit', 'gas-unit'] });
  await new AllocateUnitsHandler(registry).execute(new AllocateUnits('CQ', allocate));
  return registry;
};

describe('TrueUpAllocation', () => {
  describe('given a 70 % benchmark pre-allocation', () => {
    it('issues the difference to the final benchmark from the cap and claws back the excess', async () => {
      const registry = await setup();
      const before = (await registry.load('CQ')).ledger;
      expect([balanceOf(before, 'coal-unit'), balanceOf(before, 'gas-unit')]).toEqual([1_823_283, 274_400]);
      const view = await new TrueUpAllocationHandler(registry).execute(trueUp());
      expect(view.preview.rows).toEqual([
        expect.objectContaining({
          firmId: 'coal-unit',
          preAllocated: 1_823_283,
          finalEntitlement: 2_691_513,
          adjustment: 868_230,
        }),
        expect.objectContaining({
          firmId: 'gas-unit',
          preAllocated: 274_400,
          finalEntitlement: 196_000,
          adjustment: -78_400,
        }),
      ]);
      const { ledger, records } = await registry.load('CQ');
      expect([balanceOf(ledger, 'coal-unit'), balanceOf(ledger, 'gas-unit')]).toEqual([2_691_513, 196_000]);
      expect(balanceOf(ledger, 'CQ-GOVERNMENT')).toBe(4_000_000 - 2_691_513 - 196_000);
      expect(Object.keys(records.trueUps)).toEqual(['alloc-2025|coal-unit', 'alloc-2025|gas-unit']);
    });

    it('answers a retry with the first answer and refuses a second true-up of the same firm', async () => {
      const registry = await setup();
      const handler = new TrueUpAllocationHandler(registry);
      const first = await handler.execute(trueUp());
      expect(await handler.execute(trueUp())).toEqual({ ...first, replayed: true });
      await expect(handler.execute(trueUp({ commandId: 'true-up-bis' }))).rejects.toMatchObject({
        code: 'REGISTRY.DUPLICATE_TRUE_UP',
      });
    });

    it('moves nothing when the cap cannot cover the true-up, or the allocation is unknown', async () => {
      const registry = await setup();
      const handler = new TrueUpAllocationHandler(registry);
      await expect(
        handler.execute(
          trueUp({ firms: [{ firmId: 'coal-unit', lines: coal(9_000_000) }] } as Partial<TrueUpDto>),
        ),
      ).rejects.toMatchObject({ code: 'LEDGER.INSUFFICIENT_UNITS' });
      await expect(handler.execute(trueUp({ allocationCommandId: 'nope' }))).rejects.toMatchObject({
        code: 'REGISTRY.UNKNOWN_ALLOCATION',
        details: { field: 'allocationCommandId' },
      });
      expect((await registry.load('CQ')).records.trueUps).toEqual({});
    });
  });
});
