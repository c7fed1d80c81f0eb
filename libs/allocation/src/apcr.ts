import { apportion, mulDiv } from '@app/domain';
import { requireNonNegativeInt } from './errors';

/**
 * WCI Allowance Price Containment Reserve: fixed-price tiers (and a price ceiling), sold outside
 * the auction. A reserve sale is held when the last auction settled at ≥ 60 % of the lowest tier.
 */
export function apcrSaleHeld(lastSettlementFen: number, lowestTierFen: number, thresholdBp = 6_000): boolean {
  requireNonNegativeInt(lastSettlementFen, 'lastSettlementFen');
  requireNonNegativeInt(lowestTierFen, 'lowestTierFen');
  return lastSettlementFen * 10_000 >= lowestTierFen * requireNonNegativeInt(thresholdBp, 'thresholdBp');
}

export interface ApcrTier {
  readonly tierId: string;
  readonly priceFen: number;
  readonly available: number;
}

export interface ApcrRequest {
  readonly requestId: string;
  readonly tierId: string;
  readonly quantity: number;
}

export interface ApcrFill {
  readonly requestId: string;
  readonly tierId: string;
  readonly requested: number;
  readonly filled: number;
  readonly costFen: number;
}

/** Fill requests per tier at the tier's fixed price; an oversubscribed tier is shared pro rata (largest remainder). */
export function apcrFixedPriceSale(tiers: readonly ApcrTier[], requests: readonly ApcrRequest[]): ApcrFill[] {
  const fills = new Map<string, number>();
  for (const t of tiers) {
    const mine = requests.filter((r) => r.tierId === t.tierId);
    const shares = apportion(
      Math.min(
        requireNonNegativeInt(t.available, 'available'),
        mine.reduce((s, r) => s + requireNonNegativeInt(r.quantity, 'quantity'), 0),
      ),
      mine.map((r) => ({ key: r.requestId, weight: r.quantity, cap: r.quantity })),
    );
    for (const [k, v] of shares) fills.set(k, v);
  }
  const price = new Map(tiers.map((t) => [t.tierId, t.priceFen]));
  return requests.map((r) => {
    const filled = fills.get(r.requestId) ?? 0;
    return {
      requestId: r.requestId,
      tierId: r.tierId,
      requested: r.quantity,
      filled,
      costFen: mulDiv(filled, price.get(r.tierId) ?? 0, 1, 'trunc'),
    };
  });
}
