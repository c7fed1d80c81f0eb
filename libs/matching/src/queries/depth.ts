import type { PriceLadder } from '../core/price-ladder';

export interface DepthLevel {
  price: number;
  qty: number;
  orders: number;
}

/** Best `levels` levels of one side, best first. */
export function depthOf(ladder: PriceLadder, levels: number): DepthLevel[] {
  const out: DepthLevel[] = [];
  const sorted = ladder.sorted;
  for (let i = sorted.length - 1; i >= 0 && out.length < levels; i--) {
    const l = sorted[i];
    out.push({ price: ladder.price[l], qty: ladder.qty[l], orders: ladder.count[l] });
  }
  return out;
}
