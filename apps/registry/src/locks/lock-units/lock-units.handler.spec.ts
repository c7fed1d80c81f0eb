import { balanceOf } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import { TransferUnits } from '../../transfers/transfer-units/transfer-units.command';
import type { TransferUnitsDto } from '../../transfers/transfer-units/transfer-units.dto';
import { TransferUnitsHandler } from '../../transfers/transfer-units/transfer-units.handler';
import { UnlockUnits } from '../unlock-units/unlock-units.command';
import { UnlockUnitsHandler } from '../unlock-units/unlock-units.handler';
import { LockUnits } from './lock-units.command';
import type { LockUnitsDto } from './lock-units.dto';
import { LockUnitsHandler } from './lock-units.handler';

const transfer = (commandId: string, quantity: number) =>
  new TransferUnits('CQ', {
    commandId,
    actor: 'steel',
    from: 'steel',
    to: 'cement',
    kind: 'CARBON_ALLOWANCE',
    quantity,
  } as TransferUnitsDto);

describe('LockUnits / UnlockUnits', () => {
  describe('given steel holds 1,000 allowances', () => {
    const setup = () =>
      givenRegistry('CQ', {
        accounts: ['steel', 'cement'],
        allowances: [{ accountId: 'steel', vintage: 2025, quantity: 1000 }],
      });

    it('holds locked units in place until the lock is released', async () => {
      const registry = await setup();
      const locked = await new LockUnitsHandler(registry).execute(
        new LockUnits('CQ', {
          commandId: 'lock-1',
          actor: 'regulator',
          from: 'steel',
          kind: 'CARBON_ALLOWANCE',
          quantity: 100,
          lockId: 'rec-7',
          reason: 'pending recognition',
        } as LockUnitsDto),
      );
      expect(locked).toMatchObject({ quantity: 100, ranges: [{ start: 1, end: 100 }] });
      const transfers = new TransferUnitsHandler(registry);
      await expect(transfers.execute(transfer('t-1', 950))).rejects.toMatchObject({
        code: expect.stringMatching(/^LEDGER\.(INSUFFICIENT_UNITS|UNITS_LOCKED)$/),
      });
      const released = await new UnlockUnitsHandler(registry).execute(
        new UnlockUnits('CQ', 'rec-7', { commandId: 'unlock-1', actor: 'regulator' }),
      );
      expect(released.quantity).toBe(100);
      await transfers.execute(transfer('t-2', 950));
      expect(balanceOf((await registry.load('CQ')).ledger, 'cement')).toBe(950);
    });

    it('refuses to release a lock that does not exist (404)', async () => {
      const registry = await setup();
      await expect(
        new UnlockUnitsHandler(registry).execute(
          new UnlockUnits('CQ', 'nope', { commandId: 'u', actor: 'r' }),
        ),
      ).rejects.toMatchObject({ code: 'LEDGER.UNKNOWN_LOCK' });
    });
  });
});
