import { loadScenarioText } from '../scenario/load-scenario';
import { runInMemory } from './run-in-memory';

const text = `name: two-years
seed: 9
years: [2025, 2026]
tradingDaysPerYear: 30
linkage: recognition
market: { initialReferencePrice: 6000, priceLimitBp: 1000 }
jurisdictions:
  - { id: CQ, cap: { 2025: 960000, 2026: 930000 }, auctionShareBp: 1000, offsetLimitBp: 500 }
  - { id: SC, cap: { 2025: 1150000, 2026: 1120000 } }
enterprises:
  - id: cq-steps
    jurisdiction: CQ
    emissions: { 2025: 200000, 2026: 200000 }
    allocation: { 2025: 150000, 2026: 140000 }
    mac: { type: steps, steps: [{ tonnes: 30000, price: 9000 }, { tonnes: 20000, price: 4000 }] }
generate:
  - { count: 30, jurisdiction: CQ, prefix: cq-, emissions: { dist: uniform, min: 20000, max: 40000 },
      mac: { type: linear, maxAbatementBp: { dist: uniform, min: 1000, max: 3000 }, priceAtMax: { dist: uniform, min: 10000, max: 30000 } } }
  - { count: 40, jurisdiction: SC, prefix: sc-, emissions: { dist: uniform, min: 20000, max: 40000 },
      mac: { type: linear, maxAbatementBp: { dist: uniform, min: 1000, max: 3000 }, priceAtMax: { dist: uniform, min: 10000, max: 30000 } } }
`;

describe('several compliance years, recognition, auction share, a steps MAC', () => {
  const { results } = runInMemory(loadScenarioText(text, 'two-years.yaml'));
  it('reports every year for every market and jurisdiction', () => {
    expect(Object.keys(results.summary.years)).toEqual(['2025', '2026']);
    for (const y of Object.values(results.summary.years)) {
      expect(Object.keys(y.markets)).toEqual(['CQ', 'SC']);
      expect(Object.keys(y.analytic)).toEqual(['CQ', 'SC']);
      expect(y.jurisdictions['CQ']?.firms).toBe(31);
      expect(y.jurisdictions['SC']?.firms).toBe(40);
    }
    expect(results.daily).toHaveLength(2 * 2 * 30);
  });
  it('prices tighten with the cap and stay near the benchmark', () => {
    const [a, b] = ['2025', '2026'].map((k) => results.summary.years[k]);
    expect(b?.analytic['CQ']?.equilibriumPrice ?? 0).toBeGreaterThan(
      a?.analytic['CQ']?.equilibriumPrice ?? 0,
    );
    for (const y of [a, b]) {
      for (const [m, v] of Object.entries(y?.markets ?? {})) {
        const eq = y?.analytic[m]?.equilibriumPrice ?? 0;
        expect(Math.abs(v.vwapFinalDays - eq) / eq).toBeLessThan(0.1);
      }
    }
  });
  it('the auctioned units are sold and every firm complies', () => {
    for (const y of Object.values(results.summary.years)) {
      for (const j of Object.values(y.jurisdictions)) expect(j.compliantFirms).toBe(j.firms);
    }
  });
});
