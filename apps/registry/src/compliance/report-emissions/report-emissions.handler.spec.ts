import { givenRegistry } from '../../shared/registry-fixture';
import { ReportEmissions } from './report-emissions.command';
import type { ReportEmissionsDto } from './report-emissions.dto';
import { ReportEmissionsHandler } from './report-emissions.handler';

const report = (over: Partial<ReportEmissionsDto>) =>
  new ReportEmissions('CQ', {
    commandId: 'report-steel-2025',
    actor: 'steel',
    firmId: 'steel',
    complianceYear: 2025,
    emissions: 900,
    ...over,
  } as ReportEmissionsDto);

describe('ReportEmissions', () => {
  describe('given steel holds 2025 allowances in CQ', () => {
    const setup = () =>
      givenRegistry('CQ', {
        accounts: ['steel'],
        allowances: [{ accountId: 'steel', vintage: 2025, quantity: 10 }],
      });

    it('refuses a report for an unknown firm or a year the registry knows nothing of, naming the field', async () => {
      const registry = await setup();
      const handler = new ReportEmissionsHandler(registry);
      await expect(handler.execute(report({ firmId: 'glass' }))).rejects.toMatchObject({
        code: 'REGISTRY.UNKNOWN_FIRM',
        details: { field: 'firmId' },
      });
      await expect(handler.execute(report({ complianceYear: 2031 }))).rejects.toMatchObject({
        code: 'REGISTRY.UNKNOWN_COMPLIANCE_YEAR',
        details: { field: 'complianceYear' },
      });
      expect((await registry.load('CQ')).records.reports).toEqual({});
    });

    it('answers a retry with the first answer and another body under its id with a conflict', async () => {
      const registry = await setup();
      const handler = new ReportEmissionsHandler(registry);
      const first = await handler.execute(report({}));
      expect(await handler.execute(report({}))).toEqual({ ...first, replayed: true });
      await expect(handler.execute(report({ emissions: 901 }))).rejects.toMatchObject({
        code: 'REGISTRY.COMMAND_ID_CONFLICT',
      });
    });
  });
});
