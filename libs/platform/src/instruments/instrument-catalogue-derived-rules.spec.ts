import fc from 'fast-check';
import type { InstrumentRulesChangedData } from '@app/contracts';
import { InstrumentCatalogue, type DerivedRuleChange } from './instrument-catalogue';
import { effectiveFromMs } from './instrument-rules-decision';

const DEC_1 = effectiveFromMs('2026-12-01');
const DEC_2 = effectiveFromMs('2026-12-02');
const DEC_3 = effectiveFromMs('2026-12-03');

const decision = (over: Partial<InstrumentRulesChangedData>): InstrumentRulesChangedData => ({
  symbol: 'CQEA-2025',
  decisionId: 'd1',
  regulator: 'regulator-cq',
  effectiveFrom: '2026-12-01',
  effectiveFromMs: DEC_1,
  changes: {},
  decidedAt: 0,
  ...over,
});

const standard = (over: Partial<DerivedRuleChange> = {}): DerivedRuleChange => ({
  id: 'pricing-standard:2026.2',
  symbol: 'CQEA-2025',
  source: 'pricing-standard',
  effectiveFromMs: DEC_1,
  changes: { bandBp: 500, blockBandBp: 2000, tick: 1 },
  ...over,
});

const close = (referencePrice: number, over: Partial<DerivedRuleChange> = {}): DerivedRuleChange => ({
  id: `close:${referencePrice}`,
  symbol: 'CQEA-2025',
  source: 'closing-price',
  effectiveFromMs: DEC_2,
  changes: { referencePrice },
  ...over,
});

describe('the catalogue with the pricing standard and closing prices as dated rule changes', () => {
  it('applies a close as the next reference price from its effective time only', () => {
    const catalogue = InstrumentCatalogue.load('seeds');
    catalogue.applyDerived(close(3899));
    expect(catalogue.rulesAt('CQEA-2025', DEC_2 - 1)?.referencePrice).toBe(3600);
    expect(catalogue.rulesAt('CQEA-2025', DEC_2)?.referencePrice).toBe(3899);
    expect(catalogue.rulesAt('CQEA-2024', DEC_2)?.referencePrice).toBe(3600);
  });

  it('lets the later dated rule win, and an instrument decision beat the class default on the same day', () => {
    const catalogue = InstrumentCatalogue.load('seeds');
    catalogue.apply(decision({ changes: { bandBp: 800 } }));
    catalogue.applyDerived(standard());
    // Same effective day: the decision on the instrument is more specific than the class default.
    expect(catalogue.rulesAt('CQEA-2025', DEC_1)).toMatchObject({ bandBp: 800, blockBandBp: 2000 });
    catalogue.applyDerived(standard({ id: 'pricing-standard:2026.3', effectiveFromMs: DEC_2 }));
    // A later standard overrides the earlier decision …
    expect(catalogue.rulesAt('CQEA-2025', DEC_2)).toMatchObject({ bandBp: 500 });
    // … until a still later decision on the instrument.
    catalogue.apply(decision({ decisionId: 'd2', effectiveFromMs: DEC_3, changes: { bandBp: 700 } }));
    expect(catalogue.rulesAt('CQEA-2025', DEC_3)).toMatchObject({ bandBp: 700 });
    expect(catalogue.rulesAt('CQEA-2025', DEC_2)).toMatchObject({ bandBp: 500 });
  });

  it("keeps a regulator's reference price over a close effective at the same instant", () => {
    const catalogue = InstrumentCatalogue.load('seeds');
    catalogue.applyDerived(close(3899));
    catalogue.apply(decision({ effectiveFromMs: DEC_2, changes: { referencePrice: 4000 } }));
    expect(catalogue.rulesAt('CQEA-2025', DEC_2)?.referencePrice).toBe(4000);
  });

  it('takes the close recorded last when a day is closed again, and ignores a repeated id', () => {
    const catalogue = InstrumentCatalogue.load('seeds');
    catalogue.applyDerived(close(3899, { id: 'close:2026-12-01#1' }));
    catalogue.applyDerived(close(3700, { id: 'close:2026-12-01#2' }));
    catalogue.applyDerived(close(3100, { id: 'close:2026-12-01#1' }));
    expect(catalogue.rulesAt('CQEA-2025', DEC_3)?.referencePrice).toBe(3700);
    expect(catalogue.derivedOf('CQEA-2025').map((d) => d.id)).toEqual([
      'close:2026-12-01#1',
      'close:2026-12-01#2',
    ]);
  });

  it('answers from its cache only inside the interval the cached rules hold for', () => {
    const catalogue = InstrumentCatalogue.load('seeds');
    expect(catalogue.rulesAt('CQEA-2025', DEC_3)?.referencePrice).toBe(3600);
    catalogue.applyDerived(close(3899));
    expect(catalogue.rulesAt('CQEA-2025', DEC_3)?.referencePrice).toBe(3899);
    expect(catalogue.rulesAt('CQEA-2025', DEC_1)?.referencePrice).toBe(3600);
    expect(catalogue.rulesAt('CQEA-2025', DEC_3)?.referencePrice).toBe(3899);
  });

  it('validates a later decision against the rules the derived changes leave', () => {
    const catalogue = InstrumentCatalogue.load('seeds');
    catalogue.applyDerived(close(3899));
    // tick 2 would leave the reference price 3899 (the close) off tick.
    expect(
      catalogue.validateDecision({ symbol: 'CQEA-2025', effectiveFromMs: DEC_3, changes: { tick: 2 } }),
    ).toEqual({
      field: 'changes.referencePrice',
      message: 'must be a multiple of tick',
    });
  });
});

describe('rule precedence, as a property', () => {
  type Entry =
    | { kind: 'decision'; day: number; bandBp: number }
    | { kind: 'pricing-standard' | 'closing-price'; day: number; bandBp: number };
  const DAY = 86_400_000;
  const entry = fc.record({
    kind: fc.constantFrom('decision', 'pricing-standard', 'closing-price') as fc.Arbitrary<Entry['kind']>,
    day: fc.integer({ min: 0, max: 5 }),
    bandBp: fc.integer({ min: 0, max: 10_000 }),
  });
  const RANK = { 'pricing-standard': 0, 'closing-price': 1, decision: 2 };

  /** The rule by definition: the latest instant wins, then the most specific source, then the later recorded. */
  const expected = (entries: readonly Entry[], atDay: number) => {
    const inForce = entries
      .map((e, seq) => ({ ...e, seq }))
      .filter((e) => e.day <= atDay)
      .sort((a, b) => a.day - b.day || RANK[a.kind] - RANK[b.kind] || a.seq - b.seq);
    return inForce.at(-1)?.bandBp ?? 1000;
  };

  it('rulesAt equals the definition at every instant, asked in any order (the cache never answers stale)', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 12 }),
        fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 1, maxLength: 20 }),
        (entries, queries) => {
          const catalogue = InstrumentCatalogue.load('seeds');
          const applied: Entry[] = [];
          const at = (day: number) => DEC_1 + day * DAY;
          entries.forEach((e, i) => {
            // Interleave questions and changes: the cache must follow every change.
            expect(catalogue.rulesAt('CQEA-2025', at(queries[i % queries.length]))?.bandBp).toBe(
              expected(applied, queries[i % queries.length]),
            );
            if (e.kind === 'decision')
              catalogue.apply(
                decision({ decisionId: `d${i}`, effectiveFromMs: at(e.day), changes: { bandBp: e.bandBp } }),
              );
            else
              catalogue.applyDerived({
                id: `x${i}`,
                symbol: 'CQEA-2025',
                source: e.kind,
                effectiveFromMs: at(e.day),
                changes: { bandBp: e.bandBp },
              });
            applied.push(e);
          });
          for (const q of queries)
            expect(catalogue.rulesAt('CQEA-2025', at(q))?.bandBp).toBe(expected(applied, q));
        },
      ),
    );
  });
});
