import { balanceOf } from '@app/ledger';
import { ReportEmissions } from '../../compliance/report-emissions/report-emissions.command';
import { ReportEmissionsHandler } from '../../compliance/report-emissions/report-emissions.handler';
import { RunCompliance } from '../../compliance/run-compliance/run-compliance.command';
import { RunComplianceHandler } from '../../compliance/run-compliance/run-compliance.handler';
import { SurrenderUnits } from '../../compliance/surrender-units/surrender-units.command';
import type { SurrenderUnitsDto } from '../../compliance/surrender-units/surrender-units.dto';
import { SurrenderUnitsHandler } from '../../compliance/surrender-units/surrender-units.handler';
import { VerifyEmissions } from '../../compliance/verify-emissions/verify-emissions.command';
import { VerifyEmissionsHandler } from '../../compliance/verify-emissions/verify-emissions.handler';
import type { InMemoryRegistry } from '../../shared/in-memory-registry';
import { givenRegistry } from '../../shared/registry-fixture';
import { AllocateUnits } from './allocate-units.command';
import type { AllocateUnitsDto } from './allocate-units.dto';
import { AllocateUnitsHandler } from './allocate-units.handler';

const actor = 'regulator:cq-eco';
const allocate = (registry: InMemoryRegistry, vintage: number, over: Partial<AllocateUnitsDto> = {}) =>
  new AllocateUnitsHandler(registry).execute(
    new AllocateUnits('CQ', {
      commandId: `alloc-${vintage}`,
      actor,
      vintage,
      rules: {
        cap: 1000,
        auctionShareBp: 0,
        newEntrantReserveBp: 0,
        governmentReserveBp: 0,
        entitlementRounding: 'floor',
        scaling: 'floor',
      },
      firms: [{ firmId: 'steel', method: 'fixed', quantity: 1000 }],
      ...over,
    } as AllocateUnitsDto),
  );

// 2024: steel verified 1,200 t, holds and surrenders 1,000 → 200 short → 200 deducted in 2025.
const afterShortfall = async () => {
  const registry = await givenRegistry('CQ', { accounts: ['steel'] });
  await allocate(registry, 2024);
  const year = { firmId: 'steel', complianceYear: 2024 };
  await new ReportEmissionsHandler(registry).execute(
    new ReportEmissions('CQ', { commandId: 'rep', actor: 'steel', ...year, emissions: 1200 }),
  );
  await new VerifyEmissionsHandler(registry).execute(
    new VerifyEmissions('CQ', { commandId: 'ver', actor: 'verifier:v', ...year, verifiedEmissions: 1200 }),
  );
  await new SurrenderUnitsHandler(registry).execute(
    new SurrenderUnits('CQ', {
      commandId: 'sur',
      actor: 'steel',
      from: 'steel',
      quantity: 1000,
      kind: 'CARBON_ALLOWANCE',
      complianceYear: 2024,
    } as SurrenderUnitsDto),
  );
  await new RunComplianceHandler(registry).execute(
    new RunCompliance('CQ', {
      commandId: 'run-2024',
      actor,
      complianceYear: 2024,
      avgPriceLastMonthFen: 4000,
    }),
  );
  return registry;
};

describe("next year's allocation after a shortfall", () => {
  it('withholds the penalty deduction in the government account and records it with the allocation', async () => {
    const registry = await afterShortfall();
    const first = await allocate(registry, 2025);
    expect(first.firms).toEqual([expect.objectContaining({ firmId: 'steel', quantity: 800 })]);
    expect(await allocate(registry, 2025)).toEqual({ ...first, replayed: true });
    const { ledger, records } = await registry.load('CQ');
    expect(balanceOf(ledger, 'steel', { vintage: 2025 })).toBe(800);
    expect(balanceOf(ledger, 'CQ-GOVERNMENT', { vintage: 2025 })).toBe(200);
    expect(records.allocations['alloc-2025']?.deductions).toEqual({ steel: 200 });
  });

  it('allocates in full when told not to apply deductions', async () => {
    const registry = await afterShortfall();
    const view = await allocate(registry, 2025, { applyPenaltyDeductions: false });
    expect(view.firms).toEqual([expect.objectContaining({ firmId: 'steel', quantity: 1000 })]);
  });
});
