/**
 * Chongqing's optional rule, read as its text says: the allowances a firm sells (this compliance
 * year, i.e. of the instrument's vintage) may not exceed a share of its free allocation. What it
 * has sold and what its live sell orders offer both count, wherever the units came from; a firm
 * without free allocation is not limited.
 */
export interface FreeAllocationSellLimit {
  enabled: boolean;
  /** Largest share of the free allocation that may be sold, in basis points (5000 = 50 %). */
  maxShareBp: number;
}

export interface SellerPosition {
  /** Units of this instrument the firm received free (this compliance year). */
  freeAllocation: number;
  /** Units of it the firm has already sold (its settled sell fills). */
  sold: number;
  /** Units reserved by its live sell orders (still offered). */
  reservedForSale: number;
}

/** The most the firm may sell in all: the share of its free allocation, rounded down. */
export function sellableShareOfFreeAllocation(rule: FreeAllocationSellLimit, freeAllocation: number): number {
  return Math.floor((freeAllocation * rule.maxShareBp) / 10_000);
}

/** Largest further quantity the firm may offer for sale under the rule (never negative). */
export function maxSellableUnderFreeAllocationLimit(
  rule: FreeAllocationSellLimit,
  position: SellerPosition,
): number {
  const share = sellableShareOfFreeAllocation(rule, position.freeAllocation);
  return Math.max(0, share - position.sold - position.reservedForSale);
}

/** Pure pre-trade check for a sell order of `qty`: null when allowed, else the reason. */
export function checkFreeAllocationSellLimit(
  rule: FreeAllocationSellLimit,
  position: SellerPosition,
  qty: number,
): { code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT'; maxSellable: number } | null {
  if (!rule.enabled || position.freeAllocation <= 0) return null;
  const maxSellable = maxSellableUnderFreeAllocationLimit(rule, position);
  return qty <= maxSellable ? null : { code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT', maxSellable };
}
