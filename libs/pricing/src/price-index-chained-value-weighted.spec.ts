import fc from 'fast-check';
import { priceIndexSeries, type IndexPeriod, type IndexRule } from './price-index';
import { CHENGYU_PRICING_STANDARD_2026_1 } from './presets';
import { standardIndexSeries } from './standard-apply';

const rule: IndexRule = { baseHundredths: 100_000, rounding: 'half-even' };

// I_t = I_{t−1} × Σ p_t·q ÷ Σ p_{t−1}·q, q = last non-zero volume, missing prices carried
describe('regional environmental-rights price index (chained, value-weighted, base = 1000.00)', () => {
  const periods: IndexPeriod[] = [
    {
      period: '2026-01-05',
      observations: [
        { constituent: 'A', closeFen: 100, volume: 10 },
        { constituent: 'B', closeFen: 200, volume: 5 },
      ],
    },
    // B did not trade: its price 200 is carried, its weight stays 5
    { period: '2026-01-06', observations: [{ constituent: 'A', closeFen: 110, volume: 20 }] },
    {
      period: '2026-01-07',
      observations: [
        { constituent: 'A', closeFen: 121, volume: 0 },
        { constituent: 'B', closeFen: 180, volume: 10 },
        { constituent: 'C', closeFen: 5_000, volume: 1 },
      ],
    },
    { period: '2026-01-08', observations: [] },
    { period: '2026-01-09', observations: [{ constituent: 'C', closeFen: 5_500, volume: 1 }] },
  ];
  const series = priceIndexSeries(rule, periods);

  it('base period = 1000.00', () => {
    expect(series[0]).toEqual({ period: '2026-01-05', levelHundredths: 100_000, constituents: [] });
  });

  it('day 2: (110×10 + 200×5) ÷ (100×10 + 200×5) = 2100/2000 → 1050.00', () => {
    expect(series[1]?.levelHundredths).toBe(105_000);
  });

  it('day 3: weights A 20, B 5: (121×20 + 180×5) ÷ (110×20 + 200×5) = 3320/3200 → 1089.375 → 1089.38 (half-even)', () => {
    expect(series[2]).toEqual({ period: '2026-01-07', levelHundredths: 108_938, constituents: ['A', 'B'] });
  });

  it('day 4: nothing traded, every price carried → unchanged', () => {
    expect(series[3]?.levelHundredths).toBe(108_938);
  });

  it('day 5: C (entered on day 3) now weighs in: (121×20 + 180×10 + 5500×1) ÷ (121×20 + 180×10 + 5000×1) = 9720/9220', () => {
    // 108,938 × 9,720 / 9,220 = 114,845.7…  → 114,846
    expect(series[4]).toMatchObject({ levelHundredths: 114_846, constituents: ['A', 'B', 'C'] });
  });

  it('under the 2026.1 standard, non-constituents (CQWR water rights) do not move the index', () => {
    const day = (cqea: number, water: number): IndexPeriod['observations'] => [
      { constituent: 'CQEA-2025', closeFen: cqea, volume: 1_000 },
      { constituent: 'CQWR', closeFen: water, volume: 1_000_000 },
    ];
    const s = standardIndexSeries(CHENGYU_PRICING_STANDARD_2026_1, [
      { period: '2026-01-05', observations: day(4_000, 50) },
      { period: '2026-01-06', observations: day(4_100, 500) },
    ]);
    // 4,100 / 4,000 → 1025.00
    expect(s.map((p) => p.levelHundredths)).toEqual([100_000, 102_500]);
  });

  it('rejects a constituent listed twice in one period', () => {
    const dup: IndexPeriod[] = [
      {
        period: 'p',
        observations: [
          { constituent: 'A', closeFen: 1 },
          { constituent: 'A', closeFen: 2 },
        ],
      },
    ];
    expect(() => priceIndexSeries(rule, dup)).toThrow(
      expect.objectContaining({ code: 'PRICING.BAD_PARAMETER' }),
    );
  });

  it('property: unchanged prices leave the index at 1000.00; the order of observations does not matter', () => {
    const obs = fc.array(
      fc.record({
        constituent: fc.constantFrom('A', 'B', 'C', 'D'),
        closeFen: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        volume: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.array(obs, { minLength: 1, maxLength: 8 }), (raw) => {
        const ps: IndexPeriod[] = raw.map((o, i) => ({
          period: `p${i}`,
          observations: [...new Map(o.map((x) => [x.constituent, x])).values()],
        }));
        const flat = ps.map((p) => ({
          ...p,
          observations: p.observations.map((o) => ({ ...o, ...(o.closeFen ? { closeFen: 777 } : {}) })),
        }));
        for (const pt of priceIndexSeries(rule, flat)) expect(pt.levelHundredths).toBe(100_000);
        const reversed = ps.map((p) => ({ ...p, observations: [...p.observations].reverse() }));
        expect(priceIndexSeries(rule, reversed)).toEqual(priceIndexSeries(rule, ps));
      }),
      { numRuns: 200, seed: 1000 },
    );
  });
});
