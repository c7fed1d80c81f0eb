import { DomainError } from '@app/domain';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { supplyTotals } from '@app/ledger';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { given } from '../shared/registry-fixture';
import { RegistryStreams } from '../shared/registry-streams';
import { IssueInclusionCredits } from './issue-credits/issue-inclusion-credits.command';
import type { ActivityRecordDto } from './issue-credits/issue-inclusion-credits.dto';
import { IssueInclusionCreditsHandler } from './issue-credits/issue-inclusion-credits.handler';

jest.setTimeout(120_000);

const clock = { now: () => Date.UTC(2026, 2, 1, 4, 0) }; // 2026-03-01 in China
const pv = (recordId: string, quantity: number, periodEnd = '2026-01-31'): ActivityRecordDto => ({
  recordId,
  methodologyId: 'SC-SOLAR-ROOFTOP',
  quantity,
  periodStart: periodEnd.slice(0, 8) + '01',
  periodEnd,
});
const batch = (
  commandId: string,
  issuanceId: string,
  records: ActivityRecordDto[],
  holderAccountId = 'sc-school-7',
) =>
  new IssueInclusionCredits('SC', {
    commandId,
    actor: 'platform:tanhui-tianfu',
    issuanceId,
    holderAccountId,
    records,
  });

describe('carbon-inclusion issuance on PostgreSQL (碳惠天府, two registry processes)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let a: IssueInclusionCreditsHandler;
  let b: IssueInclusionCreditsHandler;
  let streamsA: RegistryStreams;

  beforeAll(async () => {
    db = await createTestDatabase({ entities: EVENT_STORE_ENTITIES, migrations: EVENT_STORE_MIGRATIONS });
    store = new EventStore(db.dataSource, { listen: false });
    streamsA = new RegistryStreams(db.dataSource, store);
    const streamsB = new RegistryStreams(db.dataSource, store);
    await given(streamsA, 'SC', { accounts: ['sc-school-7', 'sc-household-9'] });
    a = new IssueInclusionCreditsHandler(streamsA, clock);
    b = new IssueInclusionCreditsHandler(streamsB, clock);
  });
  afterAll(() => db?.drop());

  const version = async () => (await new RegistryStreams(db.dataSource, store).load('SC')).version;

  it('issues 碳惠天府 units with serials; a retry on the other process is a replay that appends nothing', async () => {
    // 10,000 kWh × 0.1564 kg = 1.564 t → 1; Feb 5,000 kWh + 0.564 t carried = 1.346 t → 1
    const first = await a.execute(
      batch('ci-jan-feb', 'sc-2026-q1', [pv('m-jan', 10_000), pv('m-feb', 5_000, '2026-02-28')]),
    );
    expect(first).toMatchObject({
      credits: 2,
      asOf: '2026-03-01',
      blocks: [
        {
          kind: 'TANHUI_TIANFU',
          vintage: 2026,
          quantity: 2,
          first: 'SC-TANHUI_TIANFU-2026-SC-SOLAR-ROOFTOP-000000000001',
        },
      ],
    });
    const before = await version();
    const retry = await b.execute(
      batch('ci-jan-feb', 'sc-2026-q1', [pv('m-jan', 10_000), pv('m-feb', 5_000, '2026-02-28')]),
    );
    expect(retry).toMatchObject({ replayed: true, credits: 2, blocks: first.blocks });
    expect(await version()).toBe(before);
  });

  it('two processes crediting the same record at once: exactly one issues it', async () => {
    const results = await Promise.allSettled([
      a.execute(batch('race-a', 'race-a', [pv('m-race', 9_000, '2025-12-31')])),
      b.execute(batch('race-b', 'race-b', [pv('m-race', 9_000, '2025-12-31')], 'sc-household-9')),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as DomainError] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toEqual([expect.objectContaining({ code: 'CARBON_INCLUSION.DUPLICATE_RECORD' })]);
  });

  it('a batch with one impossible record appends nothing (whole batch or nothing)', async () => {
    const before = await version();
    await expect(
      a.execute(batch('bad', 'bad', [pv('m-ok', 100, '2025-11-30'), pv('m-neg', -100, '2025-10-31')])),
    ).rejects.toMatchObject({ code: 'CARBON_INCLUSION.NEGATIVE', details: { field: 'records[1].quantity' } });
    expect(await version()).toBe(before);
    const later = await a.execute(batch('good', 'good', [pv('m-ok', 100, '2025-11-30')]));
    expect(later.records).toHaveLength(1);
  });

  it('conserves: units issued = credits recorded = held, and a cold process folds the same state', async () => {
    const cold = await new RegistryStreams(db.dataSource, store).load('SC');
    const recorded = Object.values(cold.records.carbonInclusion.issuances).reduce((s, i) => s + i.credits, 0);
    const issued = [...supplyTotals(cold.ledger).entries()]
      .filter(([key]) => key.startsWith('SC|TANHUI_TIANFU|'))
      .reduce((s, [, t]) => s + t.issued, 0);
    const held = [...supplyTotals(cold.ledger).entries()]
      .filter(([key]) => key.startsWith('SC|TANHUI_TIANFU|'))
      .reduce((s, [, t]) => s + t.held, 0);
    expect(recorded).toBeGreaterThan(0);
    expect(issued).toBe(recorded);
    expect(held).toBe(issued);
    expect(cold.records).toEqual((await streamsA.load('SC')).records);
  });
});
