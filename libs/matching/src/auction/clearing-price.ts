import type { BookState } from '../core/book-state';

export interface ClearingResult {
  price: number;
  volume: number;
  imbalance: number;
}

/**
 * The single auction price among the limit prices in the book that maximises executed volume,
 * then minimises the imbalance |demand - supply|, then is nearest the reference price, then is
 * the lower price. Returns volume 0 when the book does not cross.
 */
export function findClearingPrice(book: BookState): ClearingResult {
  const { bids, asks } = book;
  const prices = new Set<number>();
  for (const l of bids.sorted) prices.add(bids.price[l]);
  for (const l of asks.sorted) prices.add(asks.price[l]);
  const candidates = [...prices].sort((x, y) => x - y);
  const n = candidates.length;
  // demand[i]: bid qty at prices >= candidates[i]; supply[i]: ask qty at prices <= candidates[i].
  const demand = new Array<number>(n).fill(0);
  const supply = new Array<number>(n).fill(0);
  const index = new Map<number, number>();
  candidates.forEach((p, i) => index.set(p, i));
  for (const l of bids.sorted) demand[index.get(bids.price[l]) as number] += bids.qty[l];
  for (const l of asks.sorted) supply[index.get(asks.price[l]) as number] += asks.qty[l];
  for (let i = n - 2; i >= 0; i--) demand[i] += demand[i + 1];
  for (let i = 1; i < n; i++) supply[i] += supply[i - 1];
  const ref = book.config.referencePrice;
  let best: ClearingResult = { price: 0, volume: 0, imbalance: 0 };
  for (let i = 0; i < n; i++) {
    const volume = Math.min(demand[i], supply[i]);
    if (volume === 0) continue;
    const imbalance = Math.abs(demand[i] - supply[i]);
    const price = candidates[i];
    if (best.volume === 0 || isBetter(volume, imbalance, price, best, ref))
      best = { price, volume, imbalance };
  }
  return best;
}

function isBetter(
  volume: number,
  imbalance: number,
  price: number,
  best: ClearingResult,
  ref: number,
): boolean {
  if (volume !== best.volume) return volume > best.volume;
  if (imbalance !== best.imbalance) return imbalance < best.imbalance;
  if (ref > 0) {
    const d = Math.abs(price - ref);
    const bestD = Math.abs(best.price - ref);
    if (d !== bestD) return d < bestD;
  }
  return false; // candidates ascend, so keeping the earlier one picks the lower price
}
