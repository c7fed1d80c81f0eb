import { planSweep } from './sweep-plan';
import { sweepCsv } from './sweep-table';
import { acrossGrid, sweepHtml } from './sweep-html';
import type { HeadlineEntries } from './sweep-job';

const plan = planSweep(['linkage=separate,linked'], [1, 2]);
// A separate-markets run has CQ/SC figures, a linked one JOINT figures.
const results: HeadlineEntries[] = [
  [
    ['2025 CQ vwapFinalDays', 100],
    ['2025 total abatementCostFen', 10],
  ],
  [
    ['2025 CQ vwapFinalDays', 103],
    ['2025 total abatementCostFen', 14],
  ],
  [
    ['2025 JOINT vwapFinalDays', 90],
    ['2025 total abatementCostFen', 7],
  ],
  [
    ['2025 JOINT vwapFinalDays', 91],
    ['2025 total abatementCostFen', 8],
  ],
];

describe('sweep plan, table and chart', () => {
  it('orders runs by grid point, then seed, with the seed as the last --set', () => {
    expect(plan.points.map((p) => [p.gridIndex, p.seed, p.sets.join(' ')])).toEqual([
      [0, 1, 'linkage=separate seed=1'],
      [0, 2, 'linkage=separate seed=2'],
      [1, 1, 'linkage=linked seed=1'],
      [1, 2, 'linkage=linked seed=2'],
    ]);
    expect(plan.gridLabels).toEqual(['linkage=separate', 'linkage=linked']);
    expect(planSweep([], [5]).gridLabels).toEqual(['base']);
  });

  it('writes one CSV row per run over the union of the figures, blanks where a run has none', () => {
    expect(sweepCsv(plan, results).split('\n')).toEqual([
      'seed,linkage,2025 CQ vwapFinalDays,2025 total abatementCostFen,2025 JOINT vwapFinalDays',
      '1,separate,100,10,',
      '2,separate,103,14,',
      '1,linked,,7,90',
      '2,linked,,8,91',
      '',
    ]);
  });

  it('aggregates a figure per grid point: mean (rounded), min and max over seeds', () => {
    expect(acrossGrid(plan, results, '2025 total abatementCostFen')).toEqual({
      metric: '2025 total abatementCostFen',
      mean: [12, 8],
      min: [10, 7],
      max: [14, 8],
    });
    expect(acrossGrid(plan, results, '2025 JOINT vwapFinalDays').mean).toEqual([null, 91]);
  });

  it('charts the default figures in a page that needs no network, and refuses an unknown metric', () => {
    const html = sweepHtml('two.yaml', plan, results);
    expect(html).toContain('uPlot');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    const data = JSON.parse(
      /<script id="sweep-data" type="application\/json">(.*?)<\/script>/.exec(html)?.[1] ?? '{}',
    ) as {
      metrics: { metric: string }[];
    };
    expect(data.metrics.map((m) => m.metric)).toEqual([
      '2025 CQ vwapFinalDays',
      '2025 total abatementCostFen',
      '2025 JOINT vwapFinalDays',
    ]);
    expect(() => sweepHtml('two.yaml', plan, results, ['nope'])).toThrow(
      /--metric "nope" is not a sweep column/,
    );
  });
});
