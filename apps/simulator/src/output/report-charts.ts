import type { Results } from '../replay/result';

interface MarketSeries {
  x: number[];
  close: number[];
  vwap: (number | null)[];
  volume: number[];
}

/** Per-group series over trading days (x = running day number across years). */
interface GroupSeries {
  x: number[];
  /** "2025 d1" etc., for the legend. */
  labels: string[];
  holdings: Record<string, number[]>;
  sectors: Record<string, number[]>;
  position: Record<string, number[]>;
}

/** How each jurisdiction's business-as-usual emissions were met in one year (stacked bars). */
interface YearCompliance {
  year: string;
  jurisdictions: string[];
  abatement: number[];
  allowances: number[];
  offsets: number[];
  shortfall: number[];
}

export interface ChartData {
  markets: Record<string, MarketSeries>;
  groups: GroupSeries;
  compliance: YearCompliance[];
}

function marketSeries(r: Results): Record<string, MarketSeries> {
  const out: Record<string, MarketSeries> = {};
  const seen = new Map<string, number>();
  for (const d of r.daily) {
    const s = (out[d.market] ??= { x: [], close: [], vwap: [], volume: [] });
    const n = (seen.get(d.market) ?? 0) + 1;
    seen.set(d.market, n);
    s.x.push(n);
    s.close.push(d.close / 100);
    s.vwap.push(d.vwap > 0 ? d.vwap / 100 : null);
    s.volume.push(d.volume);
  }
  return out;
}

/** Keys seen in any row, in first-seen order; a key missing on a day reads 0. */
function columns(rows: readonly Record<string, number>[]): Record<string, number[]> {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k] ?? 0)]));
}

function groupSeries(r: Results): GroupSeries {
  return {
    x: r.positions.map((_, i) => i + 1),
    labels: r.positions.map((p) => `${p.year} day ${p.day}`),
    holdings: columns(r.positions.map((p) => p.holdings)),
    sectors: columns(r.positions.map((p) => p.sectors)),
    position: columns(r.positions.map((p) => p.position)),
  };
}

function compliance(r: Results): YearCompliance[] {
  const years = [...new Set(r.firms.map((f) => String(f.year)))];
  return years.map((year) => {
    const jurisdictions = [
      ...new Set(r.firms.filter((f) => String(f.year) === year).map((f) => f.jurisdiction)),
    ];
    const sum = (j: string, pick: (f: Results['firms'][number]) => number) =>
      r.firms.filter((f) => String(f.year) === year && f.jurisdiction === j).reduce((a, f) => a + pick(f), 0);
    return {
      year,
      jurisdictions,
      abatement: jurisdictions.map((j) => sum(j, (f) => f.abatement)),
      allowances: jurisdictions.map((j) => sum(j, (f) => f.surrendered - f.offsetsUsed)),
      offsets: jurisdictions.map((j) => sum(j, (f) => f.offsetsUsed)),
      shortfall: jurisdictions.map((j) => sum(j, (f) => f.shortfall)),
    };
  });
}

export function chartData(r: Results): ChartData {
  return { markets: marketSeries(r), groups: groupSeries(r), compliance: compliance(r) };
}

/** Runs in the page: uPlot charts from the embedded JSON. */
export const CHART_SCRIPT = `
const data = JSON.parse(document.getElementById('chart-data').textContent);
const palette = ['#1f6feb', '#d97706', '#16a34a', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#78716c'];
const width = (el) => Math.min(1000, el.clientWidth || 900);
const root = document.getElementById('charts');
for (const [market, s] of Object.entries(data.markets)) {
  const h = document.createElement('h3'); h.textContent = market; root.appendChild(h);
  new uPlot({ title: market + ' price (CNY/t)', width: width(root), height: 260, scales: { x: { time: false } },
    series: [{ label: 'trading day' }, { label: 'close', stroke: '#1f6feb' }, { label: 'VWAP', stroke: '#d97706', spanGaps: true }] },
    [s.x, s.close, s.vwap], root);
  new uPlot({ title: market + ' volume (t)', width: width(root), height: 180, scales: { x: { time: false } },
    series: [{ label: 'trading day' }, { label: 'volume', stroke: '#16a34a', fill: 'rgba(22,163,74,0.2)', paths: uPlot.paths.bars() }] },
    [s.x, s.volume], root);
}
const hold = document.getElementById('holdings');
const g = data.groups;
const lines = (title, groups) => {
  const names = Object.keys(groups);
  if (g.x.length === 0 || names.length === 0) return;
  new uPlot({ title, width: width(hold), height: 260, scales: { x: { time: false } }, axes: [{}, { size: 90 }],
    series: [{ label: 'trading day', value: (u, i) => g.labels[i - 1] ?? '' },
      ...names.map((n, k) => ({ label: n, stroke: palette[k % palette.length] }))] },
    [g.x, ...names.map((n) => groups[n])], hold);
};
lines('Holdings of compliance firms by jurisdiction (t)', g.holdings);
lines('Holdings of compliance firms by sector (t)', g.sectors);
lines('Compliance position by jurisdiction (t): holdings + planned offsets − emissions; below 0 = to buy or abate', g.position);
const parts = [['abated', '#16a34a'], ['allowances surrendered', '#1f6feb'], ['offsets used', '#d97706'], ['shortfall', '#dc2626']];
for (const c of data.compliance) {
  const raw = [c.abatement, c.allowances, c.offsets, c.shortfall];
  // Stacked bars: each series is drawn as the running total, the tallest first, so each band shows one part.
  const stacked = raw.map((_, k) => c.jurisdictions.map((__, j) => raw.slice(0, raw.length - k).reduce((a, s) => a + s[j], 0)));
  const xs = c.jurisdictions.map((_, j) => j + 1);
  new uPlot({ title: c.year + ': how business-as-usual emissions were met (t)', width: width(hold), height: 260,
    scales: { x: { time: false, range: [0.5, xs.length + 0.5] } },
    axes: [{ splits: () => xs, values: (u, sp) => sp.map((i) => c.jurisdictions[i - 1] ?? '') }, { size: 90 }],
    series: [{ label: 'jurisdiction', value: (u, i) => c.jurisdictions[i - 1] ?? '' },
      ...parts.slice().reverse().map(([label, colour], k) => ({ label, fill: colour, stroke: colour,
        paths: uPlot.paths.bars({ size: [0.6] }), points: { show: false }, value: (u, v, s, i) => i == null ? '' : raw[raw.length - 1 - k][i] }))] },
    [xs, ...stacked], hold);
}`;
