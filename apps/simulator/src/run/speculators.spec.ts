import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../scenario/load-scenario';
import { replayText } from '../replay/read-log';
import { MemoryEventLog } from './event-log';
import { simulate } from './simulate';

const text = `name: with-speculators
seed: 3
years: [2025]
tradingDaysPerYear: 50
linkage: separate
market: { initialReferencePrice: 5000, priceLimitBp: 1000 }
jurisdictions:
  - { id: CQ, cap: { 2025: 5200000 } }
  - { id: SC, cap: { 2025: 5400000 } }
generate:
  - { count: 100, jurisdiction: CQ, prefix: cq-, emissions: { dist: uniform, min: 20000, max: 100000 },
      mac: { type: linear, maxAbatementBp: { dist: uniform, min: 1000, max: 3000 }, priceAtMax: { dist: uniform, min: 8000, max: 30000 } } }
  - { count: 100, jurisdiction: SC, prefix: sc-, emissions: { dist: uniform, min: 20000, max: 100000 },
      mac: { type: linear, maxAbatementBp: { dist: uniform, min: 500, max: 2500 }, priceAtMax: { dist: uniform, min: 15000, max: 50000 } } }
traders:
  - { kind: noise, jurisdiction: CQ, count: 10, prefix: noise-cq-, maxQty: 500 }
  - { kind: market-maker, jurisdiction: SC, prefix: mm-sc-, maxQty: 2000, spreadBp: 100 }
`;

describe('noise traders and a market maker beside the compliance firms', () => {
  const log = new MemoryEventLog();
  simulate(loadScenarioText(text, 'spec.yaml'), log);
  const results = replayText(log.text());
  const y = results.summary.years['2025'];

  it('trade, never go short, and close their positions at year end', () => {
    const closed = log.all
      .filter((l) => l.startsWith('{"type":"position-closed"'))
      .map((l) => JSON.parse(l) as { account: string; holdings: number });
    expect(closed.map((c) => c.account)).toContain('mm-sc-001');
    expect(closed).toHaveLength(11);
    for (const c of closed) expect(c.holdings).toBeGreaterThanOrEqual(0);
    expect(log.all.some((l) => l.includes('"buyer":"noise-cq-') || l.includes('"seller":"noise-cq-'))).toBe(
      true,
    );
    expect(log.all.some((l) => l.includes('"account":"mm-sc-001"'))).toBe(true);
  });

  it('leave the market near the least-cost outcome', () => {
    for (const [m, v] of Object.entries(y?.markets ?? {})) {
      const eq = y?.analytic[m]?.equilibriumPrice ?? 1;
      expect(Math.abs(v.vwapFinalDays - eq) / eq).toBeLessThan(0.1);
    }
    const cost = Object.values(y?.jurisdictions ?? {}).reduce((a, j) => a + j.abatementCostFen, 0);
    const min = Object.values(y?.analytic ?? {}).reduce((a, j) => a + j.minAbatementCostFen, 0);
    expect(cost / min).toBeLessThan(1.05);
  });

  it('are refused with a line when their jurisdiction is unknown', () => {
    expect(() =>
      loadScenarioText(
        text.replace('jurisdiction: CQ, count: 10', 'jurisdiction: XX, count: 10'),
        'spec.yaml',
      ),
    ).toThrow(/spec\.yaml:16: traders\[0\]\.jurisdiction: unknown jurisdiction XX/);
  });
});

it('the committed schema knows the extra fields', () => {
  expect(readFileSync(`${__dirname}/../../scenario.schema.json`, 'utf8')).toContain('market-maker');
});
