import { balanceOf } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import { TransferUnits } from './transfer-units.command';
import type { TransferUnitsDto } from './transfer-units.dto';
import { TransferUnitsHandler } from './transfer-units.handler';

const dto = (over: Partial<TransferUnitsDto>): TransferUnitsDto =>
  Object.assign(
    {
      commandId: 'move-1',
      actor: 'firm:steel',
      from: 'steel',
      to: 'cement',
      kind: 'CARBON_ALLOWANCE',
      quantity: 300,
    },
    over,
  ) as TransferUnitsDto;

describe('TransferUnits', () => {
  describe('given steel holds serials 1–1000 of 2025 allowances', () => {
    const setup = () =>
      givenRegistry('CQ', {
        accounts: ['steel', 'cement'],
        allowances: [{ accountId: 'steel', vintage: 2025, quantity: 1000 }],
      });

    it('moves the lowest serials first and answers with their text', async () => {
      const registry = await setup();
      const view = await new TransferUnitsHandler(registry).execute(new TransferUnits('CQ', dto({})));
      expect(view).toMatchObject({
        quantity: 300,
        replayed: false,
        ranges: [
          {
            start: 1,
            end: 300,
            first: 'CQ-CARBON_ALLOWANCE-2025-000000000001',
            last: 'CQ-CARBON_ALLOWANCE-2025-000000000300',
          },
        ],
      });
      const { ledger } = await registry.load('CQ');
      expect([balanceOf(ledger, 'steel'), balanceOf(ledger, 'cement')]).toEqual([700, 300]);
    });

    it('moves an explicit serial range out of the middle of the block', async () => {
      const registry = await setup();
      const view = await new TransferUnitsHandler(registry).execute(
        new TransferUnits(
          'CQ',
          dto({ quantity: undefined, kind: undefined, serialStart: 401, serialEnd: 450 }),
        ),
      );
      expect(view.ranges).toEqual([expect.objectContaining({ start: 401, end: 450, quantity: 50 })]);
    });

    it('repeats the first answer for a retried command id and appends nothing', async () => {
      const registry = await setup();
      const handler = new TransferUnitsHandler(registry);
      const first = await handler.execute(new TransferUnits('CQ', dto({})));
      const again = await handler.execute(new TransferUnits('CQ', dto({})));
      expect(again).toEqual({ ...first, replayed: true });
      expect(registry.appended.filter((a) => a.actor === 'firm:steel')).toHaveLength(1);
    });

    it('refuses more than is held with LEDGER.INSUFFICIENT_UNITS', async () => {
      const registry = await setup();
      await expect(
        new TransferUnitsHandler(registry).execute(new TransferUnits('CQ', dto({ quantity: 1001 }))),
      ).rejects.toMatchObject({
        code: 'LEDGER.INSUFFICIENT_UNITS',
      });
    });

    it('refuses a body giving both a quantity and a serial range', async () => {
      const registry = await setup();
      await expect(
        new TransferUnitsHandler(registry).execute(
          new TransferUnits('CQ', dto({ serialStart: 1, serialEnd: 2 })),
        ),
      ).rejects.toMatchObject({ code: 'REGISTRY.BAD_SELECTION', details: { field: 'quantity' } });
    });
  });
});
