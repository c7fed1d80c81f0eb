import { loadScenarioText } from '../scenario/load-scenario';
import type { Scenario } from '../scenario/model';
import type { YearResult } from '../replay/result';
import { runInMemory } from './run-in-memory';

/** Two provinces with linear MACs, CQ 12 % short and cheap to abate, SC 15 % short and dearer. */
function twoProvinces(seed: number, firms: number, linkage: 'separate' | 'linked'): Scenario {
  const cq = Math.floor(firms / 2);
  const sc = firms - cq;
  const s = loadScenarioText(
    `name: quality-${firms}
seed: ${seed}
years: [2025]
tradingDaysPerYear: 50
linkage: ${linkage}
market: { initialReferencePrice: 5000, priceLimitBp: 1000, tick: 1 }
jurisdictions:
  - { id: CQ, cap: { 2025: 1 } }
  - { id: SC, cap: { 2025: 1 } }
generate:
  - count: ${cq}
    jurisdiction: CQ
    prefix: cq-
    emissions: { dist: uniform, min: 20000, max: 100000 }
    mac: { type: linear, maxAbatementBp: { dist: uniform, min: 1000, max: 3000 }, priceAtMax: { dist: uniform, min: 8000, max: 30000 } }
  - count: ${sc}
    jurisdiction: SC
    prefix: sc-
    emissions: { dist: uniform, min: 20000, max: 100000 }
    mac: { type: linear, maxAbatementBp: { dist: uniform, min: 1000, max: 3000 }, priceAtMax: { dist: uniform, min: 15000, max: 50000 } }
`,
    'quality.yaml',
  );
  // Caps as a share of the drawn emissions, so small samples are as tight as large ones.
  const tightness: Record<string, number> = { CQ: 8800, SC: 8500 };
  const jurisdictions = s.jurisdictions.map((j) => {
    const emissions = s.firms
      .filter((f) => f.jurisdiction === j.id)
      .reduce((a, f) => a + (f.emissions['2025'] ?? 0), 0);
    return { ...j, cap: { '2025': Math.floor((emissions * (tightness[j.id] ?? 10_000)) / 10_000) } };
  });
  return { ...s, jurisdictions };
}

const totalCost = (y: YearResult): number =>
  Object.values(y.jurisdictions).reduce((a, j) => a + j.abatementCostFen, 0);
const minCost = (y: YearResult): number =>
  Object.values(y.analytic).reduce((a, j) => a + j.minAbatementCostFen, 0);

function year(s: Scenario): YearResult {
  const y = runInMemory(s).results.summary.years['2025'];
  if (!y) throw new Error('no 2025 results');
  return y;
}

describe('market quality on linear-MAC two-province scenarios', () => {
  const cases: [number, number][] = [
    [1, 50],
    [2, 120],
    [3, 300],
    [4, 500],
    [11, 200],
    [12, 200],
    [13, 200],
  ];
  for (const linkage of ['separate', 'linked'] as const) {
    it.each(cases)(
      `${linkage}: seed %i, %i firms — final-tenth VWAP within 10 %% of the equilibrium, cost within 5 %% of the minimum`,
      (seed, firms) => {
        const y = year(twoProvinces(seed, firms, linkage));
        for (const [market, m] of Object.entries(y.markets)) {
          const eq = y.analytic[market]?.equilibriumPrice ?? 0;
          expect(eq).toBeGreaterThan(0);
          expect(Math.abs(m.vwapFinalDays - eq) / eq).toBeLessThan(0.1);
        }
        expect(totalCost(y) / minCost(y)).toBeLessThan(1.05);
        for (const j of Object.values(y.jurisdictions)) expect(j.shortfall).toBe(0);
      },
    );
  }

  it.each([5, 6, 7])('linking lowers total abatement cost when autarky prices differ (seed %i)', (seed) => {
    const sep = year(twoProvinces(seed, 200, 'separate'));
    const cq = sep.analytic['CQ']?.equilibriumPrice ?? 0;
    const sc = sep.analytic['SC']?.equilibriumPrice ?? 0;
    expect(Math.abs(cq - sc) / Math.max(cq, sc)).toBeGreaterThan(0.2);
    const linked = year(twoProvinces(seed, 200, 'linked'));
    expect(totalCost(linked)).toBeLessThan(totalCost(sep));
    expect(minCost(linked)).toBeLessThan(minCost(sep));
  });
});
