import { balanceOf } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import { AllocateUnits } from '../allocate-units/allocate-units.command';
import type { AllocateUnitsDto } from '../allocate-units/allocate-units.dto';
import { AllocateUnitsHandler } from '../allocate-units/allocate-units.handler';
import { DrawNewEntrantReserve } from './draw-new-entrant-reserve.command';
import { DrawNewEntrantReserveHandler } from './draw-new-entrant-reserve.handler';

// Cap 1,000 with a 10 % new-entrant reserve (100): a new plant asks 70, another 70 → gets the last 30.
const draw = (commandId: string, firmId: string, quantity: number) =>
  new DrawNewEntrantReserve('CQ', {
    commandId,
    actor: 'regulator:cq-eco',
    allocationCommandId: 'alloc-2025',
    firmId,
    quantity,
  });

describe('DrawNewEntrantReserve', () => {
  it('grants at most what is left of the reserve, from the government account, then refuses', async () => {
    const registry = await givenRegistry('CQ', { accounts: ['steel', 'new-a', 'new-b'] });
    await new AllocateUnitsHandler(registry).execute(
      new AllocateUnits('CQ', {
        commandId: 'alloc-2025',
        actor: 'regulator:cq-eco',
        vintage: 2025,
        rules: {
          cap: 1000,
          auctionShareBp: 0,
          newEntrantReserveBp: 1000,
          governmentReserveBp: 0,
          entitlementRounding: 'floor',
          scaling: 'floor',
        },
        firms: [{ firmId: 'steel', method: 'fixed', quantity: 900 }],
      } as AllocateUnitsDto),
    );
    const handler = new DrawNewEntrantReserveHandler(registry);
    expect((await handler.execute(draw('nea-1', 'new-a', 70))).quantity).toBe(70);
    const second = await handler.execute(draw('nea-2', 'new-b', 70));
    expect(second.quantity).toBe(30);
    expect(await handler.execute(draw('nea-2', 'new-b', 70))).toEqual({ ...second, replayed: true });
    await expect(handler.execute(draw('nea-3', 'new-b', 1))).rejects.toMatchObject({
      code: 'REGISTRY.RESERVE_EXHAUSTED',
      details: { field: 'quantity' },
    });
    const { ledger, records } = await registry.load('CQ');
    expect(['steel', 'new-a', 'new-b', 'CQ-GOVERNMENT'].map((a) => balanceOf(ledger, a))).toEqual([
      900, 70, 30, 0,
    ]);
    expect(records.newEntrantDrawn['alloc-2025']).toBe(100);
  });
});
