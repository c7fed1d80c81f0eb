import { givenRegistry } from '../../shared/registry-fixture';
import type { InMemoryRegistry } from '../../shared/in-memory-registry';
import { SurrenderUnits } from '../surrender-units/surrender-units.command';
import type { SurrenderUnitsDto } from '../surrender-units/surrender-units.dto';
import { SurrenderUnitsHandler } from '../surrender-units/surrender-units.handler';
import { complianceDashboard } from '../get-compliance/compliance-dashboard.view';
import { ReportEmissions } from '../report-emissions/report-emissions.command';
import type { ReportEmissionsDto } from '../report-emissions/report-emissions.dto';
import { ReportEmissionsHandler } from '../report-emissions/report-emissions.handler';
import { VerifyEmissions } from '../verify-emissions/verify-emissions.command';
import type { VerifyEmissionsDto } from '../verify-emissions/verify-emissions.dto';
import { VerifyEmissionsHandler } from '../verify-emissions/verify-emissions.handler';
import { RunCompliance } from './run-compliance.command';
import type { RunComplianceDto } from './run-compliance.dto';
import { RunComplianceHandler } from './run-compliance.handler';

const report = (registry: InMemoryRegistry, firmId: string, emissions: number) =>
  new ReportEmissionsHandler(registry).execute(
    new ReportEmissions('CQ', {
      commandId: `report-${firmId}`,
      actor: firmId,
      firmId,
      complianceYear: 2025,
      emissions,
    } as ReportEmissionsDto),
  );
const verify = (registry: InMemoryRegistry, firmId: string, verifiedEmissions: number) =>
  new VerifyEmissionsHandler(registry).execute(
    new VerifyEmissions('CQ', {
      commandId: `verify-${firmId}`,
      actor: 'verifier:cqv',
      firmId,
      complianceYear: 2025,
      verifiedEmissions,
    } as VerifyEmissionsDto),
  );
const run = (registry: InMemoryRegistry, over: Partial<RunComplianceDto> = {}) =>
  new RunComplianceHandler(registry).execute(
    new RunCompliance('CQ', {
      commandId: 'run-2025',
      actor: 'regulator:cq-eco',
      complianceYear: 2025,
      avgPriceLastMonthFen: 4000,
      ...over,
    } as RunComplianceDto),
  );

describe('compliance cycle (Chongqing rules)', () => {
  // steel: verified 800 t, surrendered 700 allowances → shortfall 100; national-2024 penalty
  // 5 × 40.00 CNY × 100 t = 20,000 CNY. cement reported but is not verified yet.
  const setup = async () => {
    const registry = await givenRegistry('CQ', {
      accounts: ['steel', 'cement'],
      allowances: [{ accountId: 'steel', vintage: 2025, quantity: 1000 }],
    });
    await report(registry, 'steel', 900);
    await report(registry, 'cement', 500);
    await verify(registry, 'steel', 800);
    await new SurrenderUnitsHandler(registry).execute(
      new SurrenderUnits('CQ', {
        commandId: 'surrender-steel',
        actor: 'steel',
        from: 'steel',
        kind: 'CARBON_ALLOWANCE',
        quantity: 700,
        complianceYear: 2025,
      } as SurrenderUnitsDto),
    );
    return registry;
  };

  it('records per-firm status, shortfall and penalty, and the jurisdiction summary', async () => {
    const registry = await setup();
    const view = await run(registry);
    const [record] = view.records;
    if (record?.type !== 'ComplianceRunCompleted') throw new Error('expected a compliance run');
    expect(
      record.statuses.map((s) => [s.firmId, s.state, s.unitsDue, s.shortfall, s.penalty.fineFen]),
    ).toEqual([
      ['cement', 'NOT_VERIFIED', 0, 0, 0],
      ['steel', 'SHORTFALL', 800, 100, 2_000_000],
    ]);
    expect(record.summary).toMatchObject({
      jurisdiction: 'CQ',
      firms: 2,
      inShortfall: 1,
      notVerified: 1,
      finesFen: 2_000_000,
    });
  });

  it('applies the EU option: a fixed fine per tonne short plus make-good, instead of the national rule', async () => {
    const registry = await setup();
    const view = await run(registry, {
      commandId: 'run-eu',
      penaltyRule: 'eu-fixed',
      finePerTonneFen: 10_000,
    });
    const [record] = view.records;
    if (record?.type !== 'ComplianceRunCompleted') throw new Error('expected a compliance run');
    expect(record.statuses.find((s) => s.firmId === 'steel')?.penalty).toMatchObject({
      rule: 'eu-fixed',
      shortfall: 100,
      fineFen: 1_000_000,
      makeGood: 100,
    });
  });

  it('answers a retried run with the recorded run even after more units were surrendered', async () => {
    const registry = await setup();
    const first = await run(registry);
    await new SurrenderUnitsHandler(registry).execute(
      new SurrenderUnits('CQ', {
        commandId: 'surrender-more',
        actor: 'steel',
        from: 'steel',
        kind: 'CARBON_ALLOWANCE',
        quantity: 100,
        complianceYear: 2025,
      } as SurrenderUnitsDto),
    );
    // A replay reports the stream version it was read at, not the version of the first append.
    expect(await run(registry)).toEqual({ ...first, replayed: true, version: first.version + 1 });
    const rerun = await run(registry, { commandId: 'run-2025-b' });
    expect(rerun.records[0]).toMatchObject({ summary: { compliant: 1, inShortfall: 0 } });
  });

  it('refuses a verification without a report, and a report correction after verification', async () => {
    const registry = await setup();
    await expect(verify(registry, 'glass', 10)).rejects.toMatchObject({ code: 'REGISTRY.UNKNOWN_REPORT' });
    await expect(
      new ReportEmissionsHandler(registry).execute(
        new ReportEmissions('CQ', {
          commandId: 'report-steel-2',
          actor: 'steel',
          firmId: 'steel',
          complianceYear: 2025,
          emissions: 1,
        } as ReportEmissionsDto),
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY.REPORT_CONFLICT' });
  });

  it('shows reports, verifications, surrenders and the last run on the dashboard', async () => {
    const registry = await setup();
    await run(registry);
    const { ledger, records } = await registry.load('CQ');
    const [year] = complianceDashboard(ledger, records, 2025);
    expect(year?.firms).toEqual([
      { firmId: 'cement', accountId: 'cement', reportedEmissions: 500, surrendered: 0 },
      {
        firmId: 'steel',
        accountId: 'steel',
        reportedEmissions: 900,
        verifiedEmissions: 800,
        verifier: 'verifier:cqv',
        surrendered: 700,
      },
    ]);
    expect(year?.lastRun?.summary.inShortfall).toBe(1);
  });
});
