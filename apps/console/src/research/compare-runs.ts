/** The parts of a simulator `summary.json` the comparison reads (format: the simulator's spec). */
export interface RunSummary {
  name: string;
  seed: number;
  years: Record<
    string,
    {
      markets?: Record<string, { vwap?: number; close?: number; volume?: number; trades?: number }>;
      jurisdictions?: Record<string, { abatementCostFen?: number; shortfall?: number; emissions?: number }>;
      analytic?: Record<string, { equilibriumPrice?: number; minAbatementCostFen?: number }>;
    }
  >;
}

export interface ComparisonRow {
  /** Message key and parameters for the row's label. */
  key: string;
  params: Record<string, string>;
  unit: 'fen' | 'units' | 'count';
  a?: number;
  b?: number;
  /** b − a, when both exist. */
  diff?: number;
}

/**
 * Side-by-side figures of two runs, year by year: market prices and volumes, abatement cost and
 * shortfall per jurisdiction, and the least-cost benchmark. A figure one run lacks stays empty.
 */
export function compareRuns(a: RunSummary, b: RunSummary): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const years = [...new Set([...Object.keys(a.years), ...Object.keys(b.years)])].sort();
  const add = (
    key: string,
    params: Record<string, string>,
    unit: ComparisonRow['unit'],
    x?: number,
    y?: number,
  ) =>
    rows.push({
      key,
      params,
      unit,
      a: x,
      b: y,
      diff: x !== undefined && y !== undefined ? y - x : undefined,
    });
  for (const year of years) {
    const ya = a.years[year] ?? {};
    const yb = b.years[year] ?? {};
    for (const market of keys(ya.markets, yb.markets)) {
      const ma = ya.markets?.[market];
      const mb = yb.markets?.[market];
      add('research.vwap', { year, market }, 'fen', ma?.vwap, mb?.vwap);
      add('research.close', { year, market }, 'fen', ma?.close, mb?.close);
      add('research.volume', { year, market }, 'units', ma?.volume, mb?.volume);
    }
    for (const j of keys(ya.jurisdictions, yb.jurisdictions)) {
      add(
        'research.abatementCost',
        { year, market: j },
        'fen',
        ya.jurisdictions?.[j]?.abatementCostFen,
        yb.jurisdictions?.[j]?.abatementCostFen,
      );
      add(
        'research.shortfall',
        { year, market: j },
        'units',
        ya.jurisdictions?.[j]?.shortfall,
        yb.jurisdictions?.[j]?.shortfall,
      );
    }
    for (const p of keys(ya.analytic, yb.analytic))
      add(
        'research.equilibrium',
        { year, market: p },
        'fen',
        ya.analytic?.[p]?.equilibriumPrice,
        yb.analytic?.[p]?.equilibriumPrice,
      );
  }
  return rows;
}

function keys(...maps: (Record<string, unknown> | undefined)[]): string[] {
  return [...new Set(maps.flatMap((m) => Object.keys(m ?? {})))].sort();
}
