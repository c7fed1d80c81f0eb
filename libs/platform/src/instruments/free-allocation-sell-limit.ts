/**
 * Chongqing's optional rule: a firm may sell at most a share of the allowances it received free
 * this year. Read here as "the rest of the free allocation stays in the account": units bought on
 * the market are never locked, and a firm without free allocation is not limited.
 */
export interface FreeAllocationSellLimit {
  enabled: boolean;
  /** Largest share of the free allocation that may be sold, in basis points (5000 = 50 %). */
  maxShareBp: number;
}

export interface SellerPosition {
  /** Units of this instrument the firm received free (this compliance year). */
  freeAllocation: number;
  /** Units it holds now, including any already reserved by live sell orders. */
  held: number;
  /** Units already reserved by its live sell orders. */
  reservedForSale: number;
}

/** Units that must stay: the free allocation minus the sellable share, rounded in the firm's favour. */
export function lockedByFreeAllocationLimit(rule: FreeAllocationSellLimit, freeAllocation: number): number {
  if (!rule.enabled || freeAllocation <= 0) return 0;
  const sellable = Math.floor((freeAllocation * rule.maxShareBp) / 10_000);
  return freeAllocation - sellable;
}

/** Largest further quantity the firm may offer for sale under the rule (never negative). */
export function maxSellableUnderFreeAllocationLimit(
  rule: FreeAllocationSellLimit,
  position: SellerPosition,
): number {
  const locked = lockedByFreeAllocationLimit(rule, position.freeAllocation);
  return Math.max(0, position.held - position.reservedForSale - locked);
}

/** Pure pre-trade check for a sell order of `qty`: null when allowed, else the reason. */
export function checkFreeAllocationSellLimit(
  rule: FreeAllocationSellLimit,
  position: SellerPosition,
  qty: number,
): { code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT'; maxSellable: number } | null {
  const maxSellable = maxSellableUnderFreeAllocationLimit(rule, position);
  return qty <= maxSellable ? null : { code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT', maxSellable };
}
