import { abatementAt, abatementCost, type MacCurve, maxAbatement, topPrice } from './mac';

export interface AbatingFirm {
  readonly emissions: number;
  readonly mac: MacCurve;
  /**
   * Offset credits that count for the firm at a given verified emissions (the jurisdiction's rules;
   * a limit based on verified emissions shrinks as the firm abates). Absent: none.
   */
  readonly offsetsAt?: (verifiedEmissions: number) => number;
}

export interface Equilibrium {
  /** Lowest integer price (fen/t) at which total abatement covers the shortage; 0 when none. */
  readonly equilibriumPrice: number;
  /** Least total abatement cost (fen) that removes exactly the shortage. */
  readonly minAbatementCostFen: number;
  /** Σ emissions − cap, floored at 0. */
  readonly shortage: number;
  /** True when the shortage exceeds what the firms can abate at any price. */
  readonly infeasible: boolean;
}

const firmAbatementAt = (f: AbatingFirm, p: number): number => Math.min(f.emissions, abatementAt(f.mac, p));

/** Abatement plus the offsets still usable after it: what the firm covers without allowances. */
function firmCoverAt(f: AbatingFirm, p: number): number {
  const a = firmAbatementAt(f, p);
  return f.offsetsAt ? a + f.offsetsAt(f.emissions - a) : a;
}

/** Σ (abatement + usable offsets) at `price`; non-decreasing in price while an offset limit is below 100 %. */
export function totalAbatementAt(firms: readonly AbatingFirm[], price: number): number {
  let t = 0;
  for (const f of firms) t += firmCoverAt(f, price);
  return t;
}

/**
 * The least-cost benchmark of one market partition (competitive equilibrium): exact bisection on
 * integer fen for the lowest price p with Σ abatement(p) ≥ shortage. The minimum cost is what the
 * abatement at p costs less the tonnes abated beyond the shortage, which are the marginal ones and
 * cost p each: Σ C_i(a_i(p)) − (Σ a_i(p) − shortage) × p (exact for steps). When the shortage exceeds the total abatable,
 * everyone abates fully and the price is the top of the curves (flagged `infeasible`).
 * With offsets, "abatement" above reads "abatement + usable offsets" (offsets cost nothing); the
 * excess at p is then still priced at p (exact without offsets, within one price tick of tonnes with).
 */
export function solveEquilibrium(firms: readonly AbatingFirm[], cap: number): Equilibrium {
  let emissions = 0;
  for (const f of firms) emissions += f.emissions;
  const shortage = Math.max(0, emissions - cap);
  if (shortage === 0) return { equilibriumPrice: 0, minAbatementCostFen: 0, shortage, infeasible: false };
  let hi = 0;
  let possible = 0;
  for (const f of firms) {
    hi = Math.max(hi, topPrice(f.mac));
    const full = Math.min(f.emissions, maxAbatement(f.mac));
    possible += f.offsetsAt ? full + f.offsetsAt(f.emissions - full) : full;
  }
  if (possible < shortage) {
    let cost = 0;
    for (const f of firms) cost += abatementCost(f.mac, Math.min(f.emissions, maxAbatement(f.mac)));
    return { equilibriumPrice: hi, minAbatementCostFen: cost, shortage, infeasible: true };
  }
  let lo = 0; // Σ a(lo) < shortage (a(0) = 0)
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (totalAbatementAt(firms, mid) >= shortage) hi = mid;
    else lo = mid;
  }
  const p = hi;
  let total = 0;
  let cost = 0;
  for (const f of firms) {
    const a = firmAbatementAt(f, p);
    total += firmCoverAt(f, p);
    cost += abatementCost(f.mac, a);
  }
  cost -= (total - shortage) * p;
  return { equilibriumPrice: p, minAbatementCostFen: cost, shortage, infeasible: false };
}
