import { runInContext, createContext } from 'node:vm';
import type { Results } from '../replay/result';
import { reportHtml } from './report-html';

const results: Results = {
  summary: {
    name: 'r<&>',
    seed: 1,
    eventLogSha256: 'abc',
    years: {
      '2025': {
        markets: { CQ: { vwap: 5000, close: 5100, vwapFinalDays: 5100, volume: 10, trades: 2 } },
        jurisdictions: {
          CQ: {
            emissions: 100,
            abatement: 5,
            abatementCostFen: 9,
            surrendered: 95,
            shortfall: 0,
            compliantFirms: 1,
            firms: 1,
          },
        },
        analytic: { CQ: { equilibriumPrice: 5050, minAbatementCostFen: 9 } },
      },
    },
  },
  daily: [
    {
      year: 2025,
      day: 1,
      market: 'CQ',
      open: 5000,
      high: 5200,
      low: 4900,
      close: 5100,
      vwap: 5100,
      volume: 10,
    },
    { year: 2025, day: 2, market: 'CQ', open: 5100, high: 5100, low: 5100, close: 5100, vwap: 0, volume: 0 },
  ],
  firms: [
    {
      year: 2025,
      firm: 'cq-1',
      jurisdiction: 'CQ',
      sector: 'steel',
      emissions: 100,
      allocation: 90,
      deducted: 0,
      credits: 3,
      offsetsUsed: 3,
      bought: 2,
      sold: 0,
      holdings: 92,
      abatement: 5,
      abatementCostFen: 9,
      surrendered: 95,
      shortfall: 0,
      penaltyFen: 0,
      nextYearDeduction: 0,
      cashFen: -10_200,
    },
  ],
  positions: [
    { year: 2025, day: 1, holdings: { CQ: 92 }, sectors: { steel: 92 }, position: { CQ: -5 } },
    { year: 2025, day: 2, holdings: { CQ: 92 }, sectors: { steel: 92 }, position: { CQ: -5 } },
  ],
  linkage: 'separate',
  penalties: {},
};

describe('report.html', () => {
  const html = reportHtml(results);

  it('says how close the market came to the least-cost benchmark', () => {
    // Final-tenth VWAP 51.00 vs analytic 50.50: +99 bp (half-up of 99.0); cost 9 fen vs minimum 9.
    expect(html).toContain('<td>0.99 %</td>');
    expect(html).toContain('cost efficiency 100.00 %');
  });

  it('is self-contained: uPlot inlined, no external scripts, styles or links', () => {
    expect(html).toContain('uPlot');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(html).toContain('r&lt;&amp;&gt;');
  });

  it('draws price and volume per market, holdings by jurisdiction and sector, position, and year-end compliance', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    const data =
      /<script id="chart-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const charts: unknown[][] = [];
    const element = () => ({ appendChild: () => undefined, textContent: '', clientWidth: 800 });
    function FakePlot(opts: unknown, series: unknown): void {
      charts.push([opts, series]);
    }
    FakePlot.paths = { bars: () => () => null };
    const context = createContext({
      uPlot: FakePlot,
      document: {
        getElementById: (id: string) => (id === 'chart-data' ? { textContent: data } : element()),
        createElement: element,
      },
    });
    runInContext(scripts[scripts.length - 1] ?? '', context);
    expect(charts).toHaveLength(6);
    expect(charts[0]?.[1]).toEqual([
      [1, 2],
      [51, 51],
      [51, null],
    ]);
    expect(charts.slice(2, 5).map((c) => c[1])).toEqual([
      [
        [1, 2],
        [92, 92],
      ],
      [
        [1, 2],
        [92, 92],
      ],
      [
        [1, 2],
        [-5, -5],
      ],
    ]);
    // Stacked: abated 5, allowances 92, offsets 3, shortfall 0 → running totals, tallest first.
    expect(charts[5]?.[1]).toEqual([[1], [100], [100], [97], [5]]);
  });
});
