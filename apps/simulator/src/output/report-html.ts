import { readFileSync } from 'node:fs';
import type { Results } from '../replay/result';
import { costEfficiencyBp, priceErrorBp } from '../replay/benchmark-gap';
import { CHART_SCRIPT, chartData } from './report-charts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const yuan = (fen: number): string => (fen / 100).toFixed(2);
const pct = (bp: number | undefined): string => (bp === undefined ? '–' : `${(bp / 100).toFixed(2)} %`);
const safeJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

function summaryTables(r: Results): string {
  const parts: string[] = [];
  for (const [year, y] of Object.entries(r.summary.years)) {
    parts.push(`<h2>${esc(year)}</h2>`);
    parts.push(
      table(
        [
          'market',
          'VWAP (CNY/t)',
          'close',
          'VWAP final tenth',
          'analytic price',
          'price error',
          'volume (t)',
          'trades',
        ],
        Object.entries(y.markets).map(([m, v]) => [
          m,
          yuan(v.vwap),
          yuan(v.close),
          yuan(v.vwapFinalDays),
          yuan(y.analytic[m]?.equilibriumPrice ?? 0),
          pct(priceErrorBp(y, m)),
          v.volume,
          v.trades,
        ]),
      ),
    );
    const cost = Object.values(y.jurisdictions).reduce((a, j) => a + j.abatementCostFen, 0);
    const min = Object.values(y.analytic).reduce((a, j) => a + j.minAbatementCostFen, 0);
    parts.push(
      `<p>Total abatement cost CNY ${yuan(cost)}; least-cost benchmark CNY ${yuan(min)}; cost efficiency ${pct(costEfficiencyBp(y))}.</p>`,
    );
    parts.push(
      table(
        [
          'jurisdiction',
          'firms',
          'compliant',
          'emissions (t)',
          'abatement (t)',
          'abatement cost (CNY)',
          'surrendered',
          'shortfall',
          'penalties (CNY)',
        ],
        Object.entries(y.jurisdictions).map(([j, v]) => [
          j,
          v.firms,
          v.compliantFirms,
          v.emissions,
          v.abatement,
          yuan(v.abatementCostFen),
          v.surrendered,
          v.shortfall,
          yuan(r.penalties[year]?.[j] ?? 0),
        ]),
      ),
    );
  }
  return parts.join('\n');
}

function firmTable(r: Results): string {
  return table(
    [
      'year',
      'firm',
      'jurisdiction',
      'sector',
      'emissions',
      'allocation',
      'deducted',
      'bought',
      'sold',
      'holdings at compliance',
      'credits',
      'offsets used',
      'abatement',
      'abatement cost (CNY)',
      'surrendered',
      'shortfall',
      'penalty (CNY)',
      'next-year deduction',
      'net trading cash (CNY)',
    ],
    r.firms.map((f) => [
      f.year,
      f.firm,
      f.jurisdiction,
      f.sector,
      f.emissions,
      f.allocation,
      f.deducted,
      f.bought,
      f.sold,
      f.holdings,
      f.credits,
      f.offsetsUsed,
      f.abatement,
      yuan(f.abatementCostFen),
      f.surrendered,
      f.shortfall,
      yuan(f.penaltyFen),
      f.nextYearDeduction,
      yuan(f.cashFen),
    ]),
  );
}

/** A self-contained report: uPlot's JS and CSS are inlined, so it opens offline. */
export function reportHtml(r: Results): string {
  const js = readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  const css = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const s = r.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(s.name)} — simulation report</title>
<style>${css}</style>
<style>body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:0.8em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}.firms{max-height:480px;overflow:auto}</style>
</head><body>
<h1>${esc(s.name)}</h1>
<p>seed ${s.seed} · linkage ${esc(r.linkage)} · event log SHA-256 <code>${esc(s.eventLogSha256)}</code></p>
<h2>Prices and volumes</h2><div id="charts"></div>
<h2>Holdings and compliance</h2><div id="holdings"></div>
${summaryTables(r)}
<h2>Holdings and compliance by firm</h2><div class="firms">${firmTable(r)}</div>
<script id="chart-data" type="application/json">${safeJson(chartData(r))}</script>
<script>${js}</script>
<script>${CHART_SCRIPT}</script>
</body></html>
`;
}
