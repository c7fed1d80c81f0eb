import { balanceOf, historyOfSerial, pieceAt, supplyTotals } from '@app/ledger';
import { AllocateUnits } from '../../allocation/allocate-units/allocate-units.command';
import type { AllocateUnitsDto } from '../../allocation/allocate-units/allocate-units.dto';
import { AllocateUnitsHandler } from '../../allocation/allocate-units/allocate-units.handler';
import { givenRegistry } from '../../shared/registry-fixture';
import { supplyView } from '../../supply/get-supply/supply.view';
import { ExpireUnits } from './expire-units.command';
import { ExpireUnitsHandler } from './expire-units.handler';

// Pollutant rights (SO2, vintage 2025, valid 5 years: through 2029), paid use at the Zhuzhou
// 2016 benchmark of 200 CNY/t·yr (MARKET-RULES): a plant allocated 120 t owes 24,000.00 CNY.
// Water-use rights allocated free with their own validity through 2026.
const allocate = (over: Partial<AllocateUnitsDto>) =>
  ({
    actor: 'regulator:cq-eco',
    vintage: 2025,
    rules: {
      cap: 200,
      auctionShareBp: 0,
      newEntrantReserveBp: 0,
      governmentReserveBp: 0,
      entitlementRounding: 'floor',
      scaling: 'floor',
    },
    firms: [
      { firmId: 'plant', method: 'fixed', quantity: 120 },
      { firmId: 'mill', method: 'fixed', quantity: 30 },
    ],
    ...over,
  }) as AllocateUnitsDto;

const setup = async () => {
  const registry = await givenRegistry('CQ', { accounts: ['plant', 'mill'] });
  const allocations = new AllocateUnitsHandler(registry);
  const so2 = await allocations.execute(
    new AllocateUnits(
      'CQ',
      allocate({
        commandId: 'so2-2025',
        kind: 'POLLUTANT_SO2',
        pricing: { mode: 'paid', benchmarkPriceFen: 20_000, priceSource: 'Zhuzhou 2016 paid-use price' },
      }),
    ),
  );
  const water = await allocations.execute(
    new AllocateUnits('CQ', allocate({ commandId: 'water-2025', kind: 'WATER_USE', validThrough: 2026 })),
  );
  return { registry, so2, water };
};
const expire = (
  registry: Awaited<ReturnType<typeof setup>>['registry'],
  asOfYear: number,
  commandId = `expire-${asOfYear}`,
) =>
  new ExpireUnitsHandler(registry).execute(
    new ExpireUnits('CQ', { commandId, actor: 'regulator:cq-eco', asOfYear }),
  );

describe('other rights: paid initial allocation, validity and expiry', () => {
  it('charges a paid allocation at the benchmark price and records where the price came from', async () => {
    const { registry, so2, water } = await setup();
    expect(so2.charge).toMatchObject({
      priceFen: 20_000,
      charges: [
        { firmId: 'plant', quantity: 120, amountFen: 2_400_000 },
        { firmId: 'mill', quantity: 30, amountFen: 600_000 },
      ],
      totalFen: 3_000_000,
      priceSource: 'Zhuzhou 2016 paid-use price',
    });
    expect(water.charge).toBeUndefined();
    expect((await registry.load('CQ')).records.charges['so2-2025:charge']?.totalFen).toBe(3_000_000);
  });

  it('expires the water rights after 2026 and SO2 after 2029, into the cancellation account with serial history', async () => {
    const { registry } = await setup();
    expect((await expire(registry, 2026)).expired).toBe(0);
    const run2027 = await expire(registry, 2027);
    expect(run2027.expired).toBe(200);
    const { ledger } = await registry.load('CQ');
    expect(balanceOf(ledger, 'mill', { kind: 'WATER_USE' })).toBe(0);
    expect(balanceOf(ledger, 'plant', { kind: 'POLLUTANT_SO2' })).toBe(120);
    const waterSerial = run2027.ranges[0]!.start;
    expect(pieceAt(ledger, waterSerial)?.accountId).toBe('CQ-CANCELLATION');
    expect(historyOfSerial(ledger, waterSerial)?.events.at(-1)).toMatchObject({
      type: 'UnitsCancelled',
      reason: expect.stringMatching(/^expired/),
    });
    expect((await expire(registry, 2030)).expired).toBe(200);
    const totals = [...supplyTotals((await registry.load('CQ')).ledger).values()];
    expect(totals.every((t) => t.issued === t.cancelled && t.held === 0)).toBe(true);
    const { ledger: after, version } = await registry.load('CQ');
    expect(
      supplyView('CQ', after, version).rows.map((r) => [r.kind, r.issued, r.expired, r.conserved]),
    ).toEqual([
      ['POLLUTANT_SO2', 200, 200, true],
      ['WATER_USE', 200, 200, true],
    ]);
  });

  it('leaves expired units in the exchange’s custody, reporting them, until they are withdrawn', async () => {
    const { registry } = await setup();
    const move = (commandId: string, from: string, to: string, quantity: number) =>
      registry.execute({ jurisdiction: 'CQ', commandId, actor: 'exchange' }, () => [
        {
          type: 'OpenAccount',
          commandId: `${commandId}:open`,
          accountId: 'CQ-EXCHANGE',
          accountType: 'ENTERPRISE_HOLDING',
          jurisdiction: 'CQ',
        },
        {
          type: 'TransferUnits',
          commandId,
          from,
          to,
          selection: { by: 'quantity', quantity, jurisdiction: 'CQ', kind: 'POLLUTANT_SO2', vintage: 2025 },
        },
      ]);
    // The plant deposits 50 of its SO2 rights with the exchange, which credits it there.
    await move('deposit', 'plant', 'CQ-EXCHANGE', 50);
    const run = await expire(registry, 2030);
    // The other 150 SO2 rights (the plant's 70, the mill's 30, the government's 50) and the 200
    // water rights expire; the 50 on the exchange wait, and stay there.
    expect(run).toMatchObject({ expired: 150 + 200, waitingInCustody: 50 });
    let { ledger } = await registry.load('CQ');
    expect(balanceOf(ledger, 'CQ-EXCHANGE', { kind: 'POLLUTANT_SO2' })).toBe(50);
    expect(balanceOf(ledger, 'plant', { kind: 'POLLUTANT_SO2' })).toBe(0);
    // Withdrawn to the plant, they expire at the next run.
    await registry.execute({ jurisdiction: 'CQ', commandId: 'withdrawal', actor: 'exchange' }, () => [
      {
        type: 'TransferUnits',
        commandId: 'withdrawal',
        from: 'CQ-EXCHANGE',
        to: 'plant',
        selection: { by: 'quantity', quantity: 50, jurisdiction: 'CQ', kind: 'POLLUTANT_SO2', vintage: 2025 },
      },
    ]);
    expect(await expire(registry, 2030, 'expire-2030-again')).toMatchObject({
      expired: 50,
      waitingInCustody: 0,
    });
    ({ ledger } = await registry.load('CQ'));
    expect(balanceOf(ledger, 'plant', { kind: 'POLLUTANT_SO2' })).toBe(0);
  });

  it('answers a retried expiry run with its first answer', async () => {
    const { registry } = await setup();
    const first = await expire(registry, 2027);
    expect(await expire(registry, 2027)).toEqual({ ...first, replayed: true });
  });
});
