import { loadScenarioText } from '../scenario/load-scenario';
import { replayText } from '../replay/read-log';
import type { EventLog } from './event-log';
import { RegistryBooks } from './registry-books';
import { simulate } from './simulate';

const text = (ids: [string, string]) => `name: books
seed: 5
years: [2025, 2026]
tradingDaysPerYear: 10
linkage: linked
market: { initialReferencePrice: 6000, priceLimitBp: 1000 }
jurisdictions:
  - { id: ${ids[0]}, cap: { 2025: 600000, 2026: 560000 }, auctionShareBp: 1000, offsetLimitBp: 800 }
  - { id: ${ids[1]}, cap: { 2025: 800000, 2026: 780000 }, offsetLimitBp: 500 }
enterprises:
  - id: short-one
    jurisdiction: ${ids[0]}
    emissions: { 2025: 50000, 2026: 50000 }
    allocation: { 2025: 0, 2026: 0 }
    mac: { type: steps, steps: [{ tonnes: 1, price: 1000000 }] }
generate:
  - { count: 20, jurisdiction: ${ids[0]}, prefix: a-, emissions: { dist: uniform, min: 20000, max: 40000 }, credits: { bpOfEmissions: 600 },
      mac: { type: linear, maxAbatementBp: 2000, priceAtMax: { dist: uniform, min: 5000, max: 30000 } } }
  - { count: 30, jurisdiction: ${ids[1]}, prefix: b-, emissions: { dist: uniform, min: 20000, max: 40000 },
      mac: { type: linear, maxAbatementBp: 2000, priceAtMax: { dist: uniform, min: 5000, max: 30000 } } }
traders:
  - { kind: noise, jurisdiction: ${ids[1]}, count: 2, prefix: n- }
`;

function run(ids: [string, string]): { lines: string[]; log: string } {
  const lines: string[] = [];
  const log: EventLog = { line: (t) => void lines.push(t), close: () => '', lines: 0 };
  simulate(loadScenarioText(text(ids), 'books.yaml'), log);
  return { lines, log: `${lines.join('\n')}\n` };
}

describe('the registry’s serial-block ledger beside the market (@app/ledger)', () => {
  it('is kept for jurisdictions the registry knows, and skipped for made-up ids', () => {
    expect(run(['X', 'Y']).lines.some((l) => l.includes('"registry-closed"'))).toBe(false);
  });

  it('issues caps and credits, takes every surrender compliance decides, cancels the rest: it balances each year', () => {
    const { lines, log } = run(['CQ', 'SC']);
    const results = replayText(log);
    const closed = lines
      .filter((l) => l.includes('"registry-closed"'))
      .map((l) => JSON.parse(l) as Record<string, number>);
    expect(closed.map((c) => c['year'])).toEqual([2025, 2026]);
    for (const c of closed) {
      const year = c['year'] as number;
      const firms = results.firms.filter((f) => f.year === year);
      const caps = year === 2025 ? 600_000 + 800_000 : 560_000 + 780_000;
      expect(c['issued']).toBe(caps + firms.reduce((a, f) => a + f.credits, 0));
      expect(c['surrendered']).toBe(firms.reduce((a, f) => a + f.surrendered, 0));
      expect((c['surrendered'] as number) + (c['cancelled'] as number)).toBe(c['issued']);
    }
    expect(results.firms.some((f) => f.offsetsUsed > 0)).toBe(true);
  });

  it('refuses to go on when the market’s holdings and the ledger disagree', () => {
    const s = loadScenarioText(text(['CQ', 'SC']), 'books.yaml');
    const books = new RegistryBooks(s, []);
    books.allocate(2025, 'CQ', [{ account: 'a-001', qty: 100 }], 0, 0);
    expect(() => books.check(2025, 'a-001', 100)).not.toThrow();
    expect(() => books.check(2025, 'a-001', 99)).toThrow(
      /registry disagrees with the market: a-001 holds 100/,
    );
    expect(() => books.settle(2025, [{ account: 'a-002', jurisdiction: 'CQ', qty: -1 }])).toThrow(
      /cannot deliver/,
    );
  });
});
