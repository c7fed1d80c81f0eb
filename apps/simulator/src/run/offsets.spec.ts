import { loadScenarioText } from '../scenario/load-scenario';
import { runInMemory } from './run-in-memory';

const scenario = (linkage: string, cqCredits: string, extra = ''): string => `name: offsets
seed: 3
years: [2025, 2026]
tradingDaysPerYear: 30
linkage: ${linkage}
market: { initialReferencePrice: 6000, priceLimitBp: 1000 }
jurisdictions:
  - { id: CQ, cap: { 2025: 900000, 2026: 900000 }, offsetLimitBp: 800, excludedProjectTypes: [hydro], recognitionQuotaBp: 200 }
  - { id: SC, cap: { 2025: 1150000, 2026: 1150000 }, offsetLimitBp: 500 }
  - { id: XJ, cap: { 2025: 50000, 2026: 50000 } }
enterprises:
  - id: cq-holder
    jurisdiction: CQ
    emissions: { 2025: 100000, 2026: 100000 }
    mac: { type: linear, maxAbatement: 20000, priceAtMax: 20000 }
    credits: [ { issuer: SC, quantity: { 2025: 5000, 2026: 5000 } }, { issuer: CQ, projectType: hydro, quantity: { 2025: 9000, 2026: 9000 } } ]
  - id: lonely
    jurisdiction: XJ
    emissions: { 2025: 60000, 2026: 60000 }
    mac: { type: steps, steps: [{ tonnes: 1, price: 1000000 }] }
generate:
  - { count: 30, jurisdiction: CQ, prefix: cq-, emissions: { dist: uniform, min: 20000, max: 40000 },${cqCredits}
      mac: { type: linear, maxAbatementBp: { dist: uniform, min: 1000, max: 3000 }, priceAtMax: { dist: uniform, min: 10000, max: 30000 } } }
  - { count: 40, jurisdiction: SC, prefix: sc-, emissions: { dist: uniform, min: 20000, max: 40000 },
      mac: { type: linear, maxAbatementBp: { dist: uniform, min: 1000, max: 3000 }, priceAtMax: { dist: uniform, min: 10000, max: 30000 } } }
${extra}`;

const run = (text: string) => runInMemory(loadScenarioText(text, 'offsets.yaml')).results;
const withCredits = ' credits: { bpOfEmissions: 1000 },';

describe('offset credits and shortfall deductions in a simulated market', () => {
  const plain = run(scenario('separate', ''));
  const credited = run(scenario('separate', withCredits));
  const recognition = run(scenario('recognition', withCredits));

  it('local credits count up to 8 % of verified emissions and lower the Chongqing price', () => {
    const cq = credited.firms.filter(
      (f) => f.year === 2025 && f.firm.startsWith('cq-') && f.firm !== 'cq-holder',
    );
    expect(cq.length).toBe(30);
    for (const f of cq) {
      expect(f.credits).toBeGreaterThan(0);
      expect(f.offsetsUsed).toBeLessThanOrEqual(Math.floor(((f.emissions - f.abatement) * 800) / 10_000));
      expect(f.offsetsUsed).toBeGreaterThan(0);
    }
    const price = (r: typeof plain) => r.summary.years['2025']?.analytic['CQ']?.equilibriumPrice ?? 0;
    expect(price(credited)).toBeLessThan(price(plain));
    const m = credited.summary.years['2025']?.markets['CQ'];
    expect(Math.abs((m?.vwapFinalDays ?? 0) - price(credited)) / price(credited)).toBeLessThan(0.1);
  });

  it('hydro credits never count; Sichuan credits count in Chongqing only under recognition, up to its 2 % quota', () => {
    const holder = (r: typeof plain) => r.firms.find((f) => f.year === 2025 && f.firm === 'cq-holder');
    expect(holder(credited)?.credits).toBe(14_000);
    expect(holder(credited)?.offsetsUsed).toBe(0);
    const h = holder(recognition);
    expect(h?.offsetsUsed).toBe(
      Math.min(5_000, Math.floor((((h?.emissions ?? 0) - (h?.abatement ?? 0)) * 200) / 10_000)),
    );
    expect(h?.offsetsUsed).toBeGreaterThan(0);
  });

  it('a shortfall is fined 3 × the average price and deducted from next year’s free allocation', () => {
    const [y1, y2] = [2025, 2026].map((y) => plain.firms.find((f) => f.year === y && f.firm === 'lonely'));
    expect(y1?.shortfall).toBe(10_000);
    expect(y1?.penaltyFen).toBe(10_000 * 3 * 6_000);
    expect(y1?.nextYearDeduction).toBe(10_000);
    expect(y2?.deducted).toBe(10_000);
    expect(y2?.allocation).toBe(40_000);
    expect(y2?.shortfall).toBe(20_000);
  });
});
