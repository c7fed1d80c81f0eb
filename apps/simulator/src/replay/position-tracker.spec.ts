import { loadScenarioText } from '../scenario/load-scenario';
import { runInMemory } from '../run/run-in-memory';

const text = `name: positions
seed: 4
years: [2025, 2026]
tradingDaysPerYear: 12
linkage: linked
market: { initialReferencePrice: 6000, priceLimitBp: 1000 }
jurisdictions:
  - { id: CQ, cap: { 2025: 600000, 2026: 580000 }, auctionShareBp: 1000 }
  - { id: SC, cap: { 2025: 800000, 2026: 780000 } }
generate:
  - { count: 20, jurisdiction: CQ, prefix: cq-, sector: steel, emissions: { dist: uniform, min: 20000, max: 40000 },
      mac: { type: linear, maxAbatementBp: 2000, priceAtMax: { dist: uniform, min: 5000, max: 30000 } } }
  - { count: 30, jurisdiction: SC, prefix: sc-, sector: power, emissions: { dist: uniform, min: 20000, max: 40000 },
      mac: { type: linear, maxAbatementBp: 2000, priceAtMax: { dist: uniform, min: 5000, max: 30000 } } }
traders:
  - { kind: market-maker, jurisdiction: CQ, prefix: mm- }
`;

describe('holdings over time, rebuilt from the trades of the log', () => {
  const { results } = runInMemory(loadScenarioText(text, 'positions.yaml'));
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, v) => a + v, 0);

  it('has one row per trading day, and jurisdictions and sectors add up to the same holdings', () => {
    expect(results.positions.map((p) => `${p.year}/${p.day}`)).toHaveLength(24);
    for (const p of results.positions) expect(sum(p.holdings)).toBe(sum(p.sectors));
  });

  it('ends each year at the firms’ holdings at compliance (auction and market-maker accounts left out)', () => {
    for (const year of [2025, 2026]) {
      const last = results.positions.filter((p) => p.year === year).at(-1);
      for (const j of ['CQ', 'SC']) {
        const firms = results.firms.filter((f) => f.year === year && f.jurisdiction === j);
        expect(last?.holdings[j]).toBe(firms.reduce((a, f) => a + f.holdings, 0));
        expect(last?.position[j]).toBe(firms.reduce((a, f) => a + f.holdings - f.emissions, 0));
      }
    }
    // Linked market with an auction seller: Chongqing firms' holdings move day by day.
    const cq2025 = results.positions.filter((p) => p.year === 2025).map((p) => p.holdings['CQ']);
    expect(new Set(cq2025).size).toBeGreaterThan(1);
  });
});
