/** One run of a sweep: a grid point (a list of `--set` strings) and a seed. */
export interface SweepPoint {
  /** Position in the table: grid points in order, seeds inside each point. */
  readonly index: number;
  /** Position of the grid point (0-based). */
  readonly gridIndex: number;
  readonly seed: number;
  readonly sets: readonly string[];
  /** The grid values of this point, one per axis, as written on the command line. */
  readonly values: readonly string[];
}

export interface SweepPlan {
  /** Grid axes (`--grid` paths), in order. */
  readonly axes: readonly string[];
  /** One label per grid point, e.g. `linkage=linked, market.priceLimitBp=0` (or `base`). */
  readonly gridLabels: readonly string[];
  readonly points: readonly SweepPoint[];
}

/** Parses "1..20" (inclusive range) or "1,5,9" into seeds. */
export function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  if (range) {
    const out: number[] = [];
    for (let s = Number(range[1]); s <= Number(range[2]); s++) out.push(s);
    if (out.length === 0) throw new Error(`bad seed list "${text}": the range is empty`);
    return out;
  }
  return text.split(',').map((x) => {
    if (!/^\d+$/.test(x)) throw new Error(`bad seed list "${text}": use 1..20 or 1,2,3`);
    return Number(x);
  });
}

/** Cartesian product of `--grid path=v1,v2` options, each as a list of --set strings. */
export function gridCombos(grid: readonly string[]): string[][] {
  let combos: string[][] = [[]];
  for (const g of grid) {
    const eq = g.indexOf('=');
    if (eq <= 0) throw new Error(`--grid needs path=v1,v2, got "${g}"`);
    const path = g.slice(0, eq);
    const values = g.slice(eq + 1).split(',');
    combos = combos.flatMap((c) => values.map((v) => [...c, `${path}=${v}`]));
  }
  return combos;
}

/** Grid × seeds, in table order (every seed of the first grid point first). */
export function planSweep(grid: readonly string[], seeds: readonly number[]): SweepPlan {
  const combos = gridCombos(grid);
  const points: SweepPoint[] = [];
  combos.forEach((sets, gridIndex) => {
    for (const seed of seeds) {
      points.push({
        index: points.length,
        gridIndex,
        seed,
        sets: [...sets, `seed=${seed}`],
        values: sets.map((x) => x.slice(x.indexOf('=') + 1)),
      });
    }
  });
  return {
    axes: grid.map((g) => g.slice(0, g.indexOf('='))),
    gridLabels: combos.map((sets) => (sets.length === 0 ? 'base' : sets.join(', '))),
    points,
  };
}
