import { givenRegistry } from '../../shared/registry-fixture';
import { IssueUnits } from './issue-units.command';
import type { IssueUnitsDto } from './issue-units.dto';
import { IssueUnitsHandler } from './issue-units.handler';

const dto = (over: Partial<IssueUnitsDto> = {}): IssueUnitsDto =>
  Object.assign(
    { commandId: 'issue-1', actor: 'regulator', kind: 'CARBON_ALLOWANCE', vintage: 2025, quantity: 500 },
    over,
  ) as IssueUnitsDto;

describe('IssueUnits', () => {
  describe('given an empty registry', () => {
    it('opens the system accounts on first use and issues to the government account', async () => {
      const registry = await givenRegistry('SC');
      const view = await new IssueUnitsHandler(registry).execute(new IssueUnits('SC', dto()));
      expect(view.blocks).toEqual([
        expect.objectContaining({ start: 1, end: 500, first: 'SC-CARBON_ALLOWANCE-2025-000000000001' }),
      ]);
      expect(registry.appended[0].types).toEqual([
        'AccountOpened',
        'AccountOpened',
        'AccountOpened',
        'AccountOpened',
        'AccountOpened',
        'AccountOpened',
        'UnitsIssued',
      ]);
      const { ledger } = await registry.load('SC');
      expect(ledger.blocks.B1).toMatchObject({ jurisdiction: 'SC', kind: 'CARBON_ALLOWANCE', vintage: 2025 });
    });

    it('numbers the next block after the last serial issued', async () => {
      const registry = await givenRegistry('SC', { allowances: [{ vintage: 2024, quantity: 100 }] });
      const view = await new IssueUnitsHandler(registry).execute(
        new IssueUnits('SC', dto({ kind: 'TANHUI_TIANFU', projectId: 'SC-PV-7', quantity: 3 })),
      );
      expect(view.blocks).toEqual([
        expect.objectContaining({ start: 101, end: 103, last: 'SC-TANHUI_TIANFU-2025-SC-PV-7-000000000103' }),
      ]);
    });

    it('refuses a credit without a project id, naming the field', async () => {
      const registry = await givenRegistry('SC');
      await expect(
        new IssueUnitsHandler(registry).execute(new IssueUnits('SC', dto({ kind: 'CCER' }))),
      ).rejects.toMatchObject({
        code: 'LEDGER.MISSING_FIELD',
        details: { field: 'projectId' },
      });
      expect(registry.appended).toHaveLength(0);
    });
  });
});
