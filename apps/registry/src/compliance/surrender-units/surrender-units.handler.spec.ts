import { supplyTotals } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import { CancelUnits } from '../../cancellations/cancel-units/cancel-units.command';
import type { CancelUnitsDto } from '../../cancellations/cancel-units/cancel-units.dto';
import { CancelUnitsHandler } from '../../cancellations/cancel-units/cancel-units.handler';
import { RetireUnits } from '../../retirements/retire-units/retire-units.command';
import type { RetireUnitsDto } from '../../retirements/retire-units/retire-units.dto';
import { RetireUnitsHandler } from '../../retirements/retire-units/retire-units.handler';
import { SurrenderUnits } from './surrender-units.command';
import type { SurrenderUnitsDto } from './surrender-units.dto';
import { SurrenderUnitsHandler } from './surrender-units.handler';

const base = { actor: 'firm:steel', from: 'steel', kind: 'CARBON_ALLOWANCE' as const };

describe('SurrenderUnits, RetireUnits, CancelUnits', () => {
  describe('given steel holds 1,000 allowances of 2025', () => {
    const setup = () =>
      givenRegistry('CQ', {
        accounts: ['steel'],
        allowances: [{ accountId: 'steel', vintage: 2025, quantity: 1000 }],
      });

    it('moves units into the terminal accounts and keeps issued = held + surrendered + cancelled + retired', async () => {
      const registry = await setup();
      await new SurrenderUnitsHandler(registry).execute(
        new SurrenderUnits('CQ', {
          ...base,
          commandId: 's',
          quantity: 600,
          complianceYear: 2025,
        } as SurrenderUnitsDto),
      );
      await new RetireUnitsHandler(registry).execute(
        new RetireUnits('CQ', {
          ...base,
          commandId: 'r',
          quantity: 50,
          beneficiary: 'Marathon',
        } as RetireUnitsDto),
      );
      const cancelled = await new CancelUnitsHandler(registry).execute(
        new CancelUnits('CQ', {
          ...base,
          commandId: 'c',
          quantity: 25,
          reason: 'ruling 7',
        } as CancelUnitsDto),
      );
      expect(cancelled.ranges).toEqual([expect.objectContaining({ start: 651, end: 675 })]);
      const { ledger } = await registry.load('CQ');
      expect([...supplyTotals(ledger).values()]).toEqual([
        { issued: 1000, held: 325, surrendered: 600, retired: 50, cancelled: 25, locked: 0 },
      ]);
    });

    it('refuses to surrender into an account that is not a SURRENDER account', async () => {
      const registry = await setup();
      await expect(
        new SurrenderUnitsHandler(registry).execute(
          new SurrenderUnits('CQ', {
            ...base,
            commandId: 's',
            quantity: 1,
            complianceYear: 2025,
            to: 'CQ-GOVERNMENT',
          } as SurrenderUnitsDto),
        ),
      ).rejects.toMatchObject({ code: 'LEDGER.WRONG_ACCOUNT_TYPE' });
    });
  });
});
