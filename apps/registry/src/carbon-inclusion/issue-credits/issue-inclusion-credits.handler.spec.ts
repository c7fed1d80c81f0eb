import { DomainError } from '@app/domain';
import { supplyTotals } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import type { InMemoryRegistry } from '../../shared/in-memory-registry';
import { IssueInclusionCredits } from './issue-inclusion-credits.command';
import type { ActivityRecordDto, IssueInclusionCreditsDto } from './issue-inclusion-credits.dto';
import { IssueInclusionCreditsHandler } from './issue-inclusion-credits.handler';

// 2026-02-10 03:00 China time is still 2026-02-09 in UTC: the day is China's.
const NOW = Date.UTC(2026, 1, 9, 19, 0);
const clock = { now: () => NOW };

const solar = (recordId: string, quantity: number, over: Partial<ActivityRecordDto> = {}) => ({
  recordId,
  methodologyId: 'CQ-SOLAR-ROOFTOP',
  quantity,
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  ...over,
});
const batch = (records: ActivityRecordDto[], over: Partial<IssueInclusionCreditsDto> = {}) =>
  new IssueInclusionCredits('CQ', {
    commandId: 'ci-1',
    actor: 'platform:cq-tanhuitong',
    issuanceId: 'cq-2026-01',
    holderAccountId: 'household-1',
    records,
    ...over,
  } as IssueInclusionCreditsDto);

async function refusal(registry: InMemoryRegistry, command: IssueInclusionCredits) {
  const before = registry.appended.length;
  const error = await new IssueInclusionCreditsHandler(registry, clock).execute(command).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(registry.appended).toHaveLength(before);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('IssueInclusionCredits (Chongqing 碳惠通)', () => {
  let registry: InMemoryRegistry;
  let handler: IssueInclusionCreditsHandler;
  beforeEach(async () => {
    registry = await givenRegistry('CQ', { accounts: ['household-1', 'household-2'] });
    handler = new IssueInclusionCreditsHandler(registry, clock);
  });

  it('credits solar kWh and EV km to the holder: one block per methodology and vintage, serials in the registry', async () => {
    // 10,000 kWh × 0.5306 kg = 5.306 t → 5; 8,000 + 2,000 km in 2025 × 0.080410 kg = 0.804 t → 0
    const view = await handler.execute(
      batch([
        solar('pv-jan', 10_000),
        solar('ev-h1', 8_000, {
          methodologyId: 'CQ-EV-KM',
          periodStart: '2025-01-01',
          periodEnd: '2025-06-30',
        }),
        solar('ev-h2', 12_000, {
          methodologyId: 'CQ-EV-KM',
          periodStart: '2025-07-01',
          periodEnd: '2025-12-31',
        }),
      ]),
    );
    expect(view).toMatchObject({ replayed: false, asOf: '2026-02-10', credits: 6 });
    expect(view.records.map((r) => [r.recordId, r.vintage, r.credits])).toEqual([
      ['pv-jan', 2026, 5],
      ['ev-h1', 2025, 0],
      ['ev-h2', 2025, 1],
    ]);
    // the remainder of ev-h1 is carried into ev-h2: 20,000 km in one record gives the same 1 credit
    expect(view.records[2].carryIn).toBe(view.records[1].carryOut);
    expect(view.blocks).toEqual([
      expect.objectContaining({
        kind: 'CQCER',
        vintage: 2026,
        quantity: 5,
        first: 'CQ-CQCER-2026-CQ-SOLAR-ROOFTOP-000000000001',
      }),
      expect.objectContaining({ kind: 'CQCER', vintage: 2025, quantity: 1, projectId: 'CQ-EV-KM' }),
    ]);
    const { ledger } = await registry.load('CQ');
    expect(supplyTotals(ledger).get('CQ|CQCER|2026')).toMatchObject({
      issued: 5,
      held: 5,
    });
  });

  it('carries the sub-tonne remainder to the holder’s next batch, not to another holder', async () => {
    await handler.execute(batch([solar('pv-a', 1_000)])); // 0.5306 t → 0
    const next = await handler.execute(
      batch([solar('pv-b', 1_000)], { commandId: 'ci-2', issuanceId: 'i-2' }),
    );
    expect(next.credits).toBe(1); // 1.0612 t
    const other = await handler.execute(
      batch([solar('pv-c', 1_000)], { commandId: 'ci-3', issuanceId: 'i-3', holderAccountId: 'household-2' }),
    );
    expect(other.credits).toBe(0);
  });

  it('a retry answers the first issuance (replayed) even on a later day; another body under the id → 409', async () => {
    const first = await handler.execute(batch([solar('pv-jan', 10_000)]));
    const later = new IssueInclusionCreditsHandler(registry, { now: () => NOW + 86_400_000 });
    const again = await later.execute(batch([solar('pv-jan', 10_000)]));
    expect(again).toMatchObject({ replayed: true, asOf: first.asOf, blocks: first.blocks });
    await expect(later.execute(batch([solar('pv-jan', 9_000)]))).rejects.toMatchObject({
      code: 'REGISTRY.COMMAND_ID_CONFLICT',
    });
  });

  it('never credits a record twice: an earlier record id, or the same id twice in one batch', async () => {
    await handler.execute(batch([solar('pv-jan', 10_000)]));
    const again = await refusal(
      registry,
      batch([solar('pv-jan', 10_000)], { commandId: 'ci-2', issuanceId: 'i-2' }),
    );
    expect(again).toMatchObject({
      code: 'CARBON_INCLUSION.DUPLICATE_RECORD',
      details: { field: 'records[0].recordId' },
    });
    expect(again.message).toContain('credited by issuance cq-2026-01');
    const twice = await refusal(
      registry,
      batch(
        [solar('pv-feb', 10, { periodStart: '2026-02-01', periodEnd: '2026-02-05' }), solar('pv-feb', 10)],
        {
          commandId: 'ci-3',
          issuanceId: 'i-3',
        },
      ),
    );
    expect(twice).toMatchObject({ details: { field: 'records[1].recordId' } });
  });

  it.each([
    [
      'an unknown methodology',
      { methodologyId: 'CQ-BIKE-KM' },
      'CARBON_INCLUSION.UNKNOWN_METHODOLOGY',
      'methodologyId',
    ],
    [
      'a Sichuan methodology in Chongqing',
      { methodologyId: 'SC-SOLAR-ROOFTOP' },
      'CARBON_INCLUSION.WRONG_PROVINCE',
      'methodologyId',
    ],
    ['a negative quantity', { quantity: -5 }, 'CARBON_INCLUSION.NEGATIVE', 'quantity'],
    ['zero', { quantity: 0 }, 'CARBON_INCLUSION.NOT_POSITIVE', 'quantity'],
    ['a fractional kWh', { quantity: 10.5 }, 'CARBON_INCLUSION.NOT_INTEGER', 'quantity'],
    [
      '40,000 kWh from one rooftop in January',
      { quantity: 40_000 },
      'CARBON_INCLUSION.IMPLAUSIBLE',
      'quantity',
    ],
    [
      'a period ending tomorrow (China time)',
      { periodStart: '2026-02-01', periodEnd: '2026-02-11' },
      'CARBON_INCLUSION.FUTURE_DATE',
      'periodEnd',
    ],
    [
      'activity before the programme',
      { periodStart: '2020-12-01', periodEnd: '2020-12-31' },
      'CARBON_INCLUSION.OUTSIDE_WINDOW',
      'periodStart',
    ],
    [
      'two years in one record',
      { periodStart: '2024-01-01', periodEnd: '2025-12-31' },
      'CARBON_INCLUSION.OUTSIDE_WINDOW',
      'periodEnd',
    ],
    [
      '30 February',
      { periodStart: '2026-02-01', periodEnd: '2026-02-30' },
      'CARBON_INCLUSION.BAD_DATE',
      'periodEnd',
    ],
  ])('refuses the whole batch for %s in record 1, naming the field', async (_name, over, code, field) => {
    const error = await refusal(
      registry,
      batch([solar('ok', 100), solar('bad', 100, over as Partial<ActivityRecordDto>)]),
    );
    expect(error).toMatchObject({ code, details: { field: `records[1].${field}` } });
    expect(error.message).toContain('nothing issued');
    expect((await registry.load('CQ')).records.carbonInclusion.creditedRecords).toEqual({});
  });

  it('lists every problem of the batch, the first one deciding the code', async () => {
    const error = await refusal(
      registry,
      batch([solar('a', -1), solar('b', 100), solar('c', 0, { methodologyId: 'CQ-TREES' })]),
    );
    expect(error).toMatchObject({
      code: 'CARBON_INCLUSION.NEGATIVE',
      details: { field: 'records[0].quantity' },
    });
    expect(error.message).toMatch(
      /^CARBON_INCLUSION.NEGATIVE: 2 of 3 records refused.*records\[2\]\.quantity/,
    );
  });

  it('ids naming Object.prototype members are ordinary ids', async () => {
    const view = await handler.execute(
      batch([solar('constructor', 10_000)], { commandId: 'toString', issuanceId: 'constructor' }),
    );
    expect(view).toMatchObject({ replayed: false, credits: 5 });
  });

  it('refuses an unknown holder, a system account as holder and a reused issuance id', async () => {
    for (const holderAccountId of ['nobody', 'CQ-GOVERNMENT'])
      expect(await refusal(registry, batch([solar('x', 1)], { holderAccountId }))).toMatchObject({
        code: 'CARBON_INCLUSION.UNKNOWN_HOLDER',
        details: { field: 'holderAccountId' },
      });
    await handler.execute(batch([solar('x', 1)]));
    expect(await refusal(registry, batch([solar('y', 1)], { commandId: 'ci-2' }))).toMatchObject({
      code: 'CARBON_INCLUSION.DUPLICATE_ISSUANCE',
      details: { field: 'issuanceId' },
    });
  });
});
