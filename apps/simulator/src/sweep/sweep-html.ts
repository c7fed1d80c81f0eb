import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { SweepPlan } from './sweep-plan';
import type { HeadlineEntries } from './sweep-job';
import { sweepColumns } from './sweep-table';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const safeJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

export interface MetricAcrossGrid {
  readonly metric: string;
  /** Per grid point, over its seeds (null where no run has the figure). */
  readonly mean: (number | null)[];
  readonly min: (number | null)[];
  readonly max: (number | null)[];
}

/**
 * The figures charted by default: for the first year, every market's final-tenth VWAP, the total
 * abatement cost, the least-cost benchmark and the cost efficiency.
 */
export function defaultMetrics(columns: readonly string[]): string[] {
  const year = columns[0]?.split(' ')[0];
  return columns.filter(
    (c) =>
      c.startsWith(`${year} `) &&
      (c.endsWith(' vwapFinalDays') ||
        c.endsWith(' total abatementCostFen') ||
        c.endsWith(' total costEfficiencyBp') ||
        c.endsWith(' total minAbatementCostFen')),
  );
}

/** Mean (rounded half up to an integer, like every figure of the simulator), min and max over seeds. */
export function acrossGrid(
  plan: SweepPlan,
  results: readonly HeadlineEntries[],
  metric: string,
): MetricAcrossGrid {
  const values: number[][] = plan.gridLabels.map(() => []);
  plan.points.forEach((p, i) => {
    const v = new Map(results[i]).get(metric);
    if (v !== undefined) values[p.gridIndex]?.push(v);
  });
  const agg = (f: (vs: number[]) => number) => values.map((vs) => (vs.length === 0 ? null : f(vs)));
  return {
    metric,
    mean: agg((vs) => Math.round(vs.reduce((a, v) => a + v, 0) / vs.length)),
    min: agg((vs) => Math.min(...vs)),
    max: agg((vs) => Math.max(...vs)),
  };
}

const CHART_SCRIPT = `
const d = JSON.parse(document.getElementById('sweep-data').textContent);
const root = document.getElementById('charts');
const xs = d.labels.map((_, i) => i + 1);
for (const m of d.metrics) {
  const w = Math.min(1000, root.clientWidth || 900);
  new uPlot({ title: m.metric + ' across the grid (mean, min, max over seeds)', width: w, height: 280,
    scales: { x: { time: false, range: [0.5, xs.length + 0.5] } },
    axes: [{ splits: () => xs, values: (u, splits) => splits.map((i) => d.ticks[i - 1] ?? '') }, { size: 100 }],
    series: [{ label: 'grid point', value: (u, i) => d.labels[i - 1] ?? '' },
      { label: 'mean', stroke: '#1f6feb', width: 2, points: { size: 8 } },
      { label: 'min', stroke: '#94a3b8', dash: [4, 4] },
      { label: 'max', stroke: '#94a3b8', dash: [4, 4] }] },
    [xs, m.mean, m.min, m.max], root);
}`;

/**
 * Short x-axis labels: the grid values alone (`linked / 500`) for up to 8 points, else the point's
 * number (the table below lists every point with its number).
 */
function tickLabels(plan: SweepPlan): string[] {
  const values = plan.gridLabels.map(
    (_, g) => plan.points.find((p) => p.gridIndex === g)?.values.join(' / ') ?? '',
  );
  return plan.gridLabels.length <= 8
    ? values.map((v) => v || 'base')
    : plan.gridLabels.map((_, g) => `#${g + 1}`);
}

function table(plan: SweepPlan, charts: readonly MetricAcrossGrid[]): string {
  const head = ['#', 'grid point', ...charts.flatMap((c) => [`${c.metric} mean`, 'min', 'max'])];
  const rows = plan.gridLabels.map((label, g) => [
    String(g + 1),
    label,
    ...charts.flatMap((c) => [c.mean[g], c.min[g], c.max[g]].map((v) => (v === null ? '' : String(v)))),
  ]);
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** A self-contained page (uPlot inlined, as in report.html) charting figures across the grid. */
export function sweepHtml(
  title: string,
  plan: SweepPlan,
  results: readonly HeadlineEntries[],
  metrics?: readonly string[],
): string {
  const columns = sweepColumns(results);
  const chosen = metrics && metrics.length > 0 ? metrics : defaultMetrics(columns);
  for (const m of chosen) {
    if (!columns.includes(m)) throw new Error(`--metric "${m}" is not a sweep column (see the CSV header)`);
  }
  const charts = chosen.map((m) => acrossGrid(plan, results, m));
  const name = basename(title);
  const seeds = [...new Set(plan.points.map((p) => p.seed))];
  const js = readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(name)} — sweep</title>
<style>${css}</style>
<style>body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:0.8em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}</style>
</head><body>
<h1>${esc(name)} — sweep</h1>
<p>${plan.gridLabels.length} grid point(s) × ${seeds.length} seed(s) (${esc(seeds.join(', '))}) = ${plan.points.length} runs${plan.axes.length > 0 ? ` · axes ${esc(plan.axes.join(', '))}` : ''}</p>
<div id="charts"></div>
${table(plan, charts)}
<script id="sweep-data" type="application/json">${safeJson({ labels: plan.gridLabels, ticks: tickLabels(plan), metrics: charts })}</script>
<script>${js}</script>
<script>${CHART_SCRIPT}</script>
</body></html>
`;
}
