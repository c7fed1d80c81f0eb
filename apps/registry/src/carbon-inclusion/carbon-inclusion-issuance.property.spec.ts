import fc from 'fast-check';
import { DomainError } from '@app/domain';
import { supplyTotals } from '@app/ledger';
import { givenRegistry } from '../shared/registry-fixture';
import { IssueInclusionCredits } from './issue-credits/issue-inclusion-credits.command';
import type { ActivityRecordDto } from './issue-credits/issue-inclusion-credits.dto';
import { IssueInclusionCreditsHandler } from './issue-credits/issue-inclusion-credits.handler';

const clock = { now: () => Date.UTC(2026, 5, 1) };
const METHODS = ['SC-SOLAR-ROOFTOP', 'SC-EV-KM', 'SC-TREES', 'CQ-TREES'] as const;
const MONTHS = ['2025-01', '2025-02', '2025-03', '2026-01', '2026-07'] as const; // 2026-07 lies in the future

const recordArb = fc.record({
  recordId: fc.integer({ min: 1, max: 25 }).map((n) => `rec-${n}`),
  methodologyId: fc.constantFrom(...METHODS),
  quantity: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -3, 2.5) },
  ),
  month: fc.constantFrom(...MONTHS),
});
type ArbRecord = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;
const toDto = (r: ArbRecord): ActivityRecordDto => ({
  recordId: r.recordId,
  methodologyId: r.methodologyId,
  quantity: r.quantity,
  periodStart: `${r.month}-01`,
  periodEnd: `${r.month}-28`,
});

describe('carbon-inclusion issuance: random batches, some with impossible records', () => {
  it('a batch is credited whole or not at all; no record twice; units issued = credits recorded = held', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            holder: fc.constantFrom('sc-a', 'sc-b'),
            records: fc.array(recordArb, { minLength: 1, maxLength: 5 }),
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        async (batches) => {
          const registry = await givenRegistry('SC', { accounts: ['sc-a', 'sc-b'] });
          const handler = new IssueInclusionCreditsHandler(registry, clock);
          const credited = new Set<string>();
          for (const [i, b] of batches.entries()) {
            const before = registry.appended.length;
            const command = new IssueInclusionCredits('SC', {
              commandId: `c-${i}`,
              actor: 'platform',
              issuanceId: `i-${i}`,
              holderAccountId: b.holder,
              records: b.records.map(toDto),
            });
            const ok = await handler.execute(command).then(
              (view) => {
                expect(view.records.map((r) => r.recordId)).toEqual(b.records.map((r) => r.recordId));
                return true;
              },
              (e: unknown) => {
                if (!(e instanceof DomainError)) throw e;
                return false;
              },
            );
            const ids = b.records.map((r) => r.recordId);
            const clean =
              new Set(ids).size === ids.length &&
              ids.every((id) => !credited.has(id)) &&
              b.records.every(
                (r) =>
                  Number.isInteger(r.quantity) &&
                  r.quantity > 0 &&
                  r.month !== '2026-07' &&
                  r.methodologyId.startsWith('SC'),
              );
            // accepted exactly when every record is possible (quantities here stay under every cap)
            expect(ok).toBe(clean);
            outcomes[ok ? 'accepted' : 'refused']++;
            if (ok) ids.forEach((id) => credited.add(id));
            else expect(registry.appended).toHaveLength(before);
          }
          const { ledger, records } = await registry.load('SC');
          expect(new Set(Object.keys(records.carbonInclusion.creditedRecords))).toEqual(credited);
          const recorded = Object.values(records.carbonInclusion.issuances).reduce(
            (s, x) => s + x.credits,
            0,
          );
          const totals = [...supplyTotals(ledger).entries()].filter(([k]) =>
            k.startsWith('SC|TANHUI_TIANFU|'),
          );
          expect(totals.reduce((s, [, t]) => s + t.issued, 0)).toBe(recorded);
          expect(totals.reduce((s, [, t]) => s + t.held, 0)).toBe(recorded);
        },
      ),
      { numRuns: 80, seed: 2026_0601 },
    );
    expect(outcomes.accepted).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
  });
});
