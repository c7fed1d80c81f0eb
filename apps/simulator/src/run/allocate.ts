import { apportion, applyBp } from '@app/domain';
import type { FirmSpec, JurisdictionSpec } from '../scenario/model';

export interface YearAllocation {
  /** firm index → free allocation */
  readonly free: number[];
  /** jurisdiction id → units sold through the market by the jurisdiction's auction account */
  readonly auctioned: Map<string, number>;
}

/**
 * Allocation for one year. Auctioned = floor(cap × auctionShareBp / 10,000); the rest is free.
 * Explicit allocations are given as written; what is left of the free cap (floored at 0) is shared
 * among the other firms of the jurisdiction pro rata to emissions (largest remainder, ties by id).
 */
export function allocateYear(
  year: number,
  jurisdictions: readonly JurisdictionSpec[],
  firms: readonly FirmSpec[],
): YearAllocation {
  const y = String(year);
  const free = new Array<number>(firms.length).fill(0);
  const auctioned = new Map<string, number>();
  for (const j of jurisdictions) {
    const cap = j.cap[y] ?? 0;
    const sold = applyBp(cap, j.auctionShareBp, 'floor');
    auctioned.set(j.id, sold);
    let left = cap - sold;
    const items: { key: string; weight: number }[] = [];
    firms.forEach((f, i) => {
      if (f.jurisdiction !== j.id) return;
      const explicit = f.allocation?.[y];
      if (explicit !== undefined) {
        free[i] = explicit;
        left -= explicit;
      } else items.push({ key: String(i), weight: f.emissions[y] ?? 0 });
    });
    const shares = apportion(Math.max(0, left), items);
    for (const [k, v] of shares) free[Number(k)] = v;
  }
  return { free, auctioned };
}
