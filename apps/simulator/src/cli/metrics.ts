import type { Results } from '../replay/result';
import { costEfficiencyBp, priceErrorBp } from '../replay/benchmark-gap';

/** Headline figures of one run, flattened for side-by-side and sweep tables. */
export function headline(r: Results): Map<string, number> {
  const out = new Map<string, number>();
  for (const [year, y] of Object.entries(r.summary.years)) {
    for (const [m, v] of Object.entries(y.markets)) {
      out.set(`${year} ${m} vwap`, v.vwap);
      out.set(`${year} ${m} vwapFinalDays`, v.vwapFinalDays);
      out.set(`${year} ${m} close`, v.close);
      out.set(`${year} ${m} volume`, v.volume);
      out.set(`${year} ${m} trades`, v.trades);
    }
    for (const [m, a] of Object.entries(y.analytic)) {
      out.set(`${year} ${m} analytic price`, a.equilibriumPrice);
      const err = priceErrorBp(y, m);
      if (err !== undefined) out.set(`${year} ${m} priceErrorBp`, err);
    }
    let cost = 0;
    let shortfall = 0;
    for (const [j, v] of Object.entries(y.jurisdictions)) {
      out.set(`${year} ${j} abatementCostFen`, v.abatementCostFen);
      out.set(`${year} ${j} abatement`, v.abatement);
      out.set(`${year} ${j} shortfall`, v.shortfall);
      cost += v.abatementCostFen;
      shortfall += v.shortfall;
    }
    out.set(`${year} total abatementCostFen`, cost);
    out.set(
      `${year} total minAbatementCostFen`,
      Object.values(y.analytic).reduce((a, v) => a + v.minAbatementCostFen, 0),
    );
    out.set(`${year} total costEfficiencyBp`, costEfficiencyBp(y));
    out.set(`${year} total shortfall`, shortfall);
    let pen = 0;
    for (const v of Object.values(r.penalties[year] ?? {})) pen += v;
    out.set(`${year} total penaltyFen`, pen);
  }
  return out;
}

/** Rows "metric | base | counterfactual | difference" with aligned columns. */
export function sideBySide(
  base: Map<string, number>,
  alt: Map<string, number>,
  labels: [string, string],
): string {
  const keys = [...new Set([...base.keys(), ...alt.keys()])];
  const rows = keys.map((k) => {
    const a = base.get(k);
    const b = alt.get(k);
    const diff = a !== undefined && b !== undefined ? b - a : undefined;
    const pct = diff !== undefined && a ? ` (${diff >= 0 ? '+' : ''}${((diff * 100) / a).toFixed(1)}%)` : '';
    return [
      k,
      a === undefined ? '-' : String(a),
      b === undefined ? '-' : String(b),
      diff === undefined ? '-' : `${diff >= 0 ? '+' : ''}${diff}${pct}`,
    ];
  });
  const all = [['metric', labels[0], labels[1], 'difference'], ...rows];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...all.map((r) => (r[c] as string).length)));
  return all
    .map((r) =>
      r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
        .join('  '),
    )
    .join('\n');
}
