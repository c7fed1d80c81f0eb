import { mulDiv } from '@app/domain';
import { freeGuaranteeFen, type Auction } from './auction-types';
import { parseYuanToFen, type FieldError } from '../trading/order-ticket-rules';

export interface BidInput {
  /** Yuan per unit, as typed. */
  price: string;
  quantity: string;
}

export interface CheckedBid {
  priceFen: number;
  quantity: number;
  /** Guarantee to post first: what the bid needs beyond the bidder's free guarantee (0 if none). */
  topUpFen: number;
}

export type BidErrors = Partial<Record<keyof BidInput, FieldError>>;

/**
 * The registry's door checks on a sealed bid, before sending: a price at or above the reserve, a
 * whole number of lots, this bid alone not over the per-bidder cap (whole lots of the supply; the
 * registry also counts the bidder's earlier bids, which sealed bidding does not show back). The
 * guarantee is topped up by what the bid needs beyond the bidder's free guarantee.
 */
export function checkBid(
  input: BidInput,
  auction: Auction,
  bidderId: string,
): { bid?: CheckedBid; errors: BidErrors } {
  const errors: BidErrors = {};
  const { reservePriceFen, lotSize, supply, maxBidderShareBp } = auction.rules;
  const priceFen = parseYuanToFen(input.price);
  if (priceFen === undefined || priceFen <= 0) errors.price = { key: 'errors.pricePositive' };
  else if (priceFen < reservePriceFen)
    errors.price = { key: 'errors.belowReserve', params: { reserve: reservePriceFen } };

  const text = input.quantity.trim();
  const quantity = /^\d{1,15}$/.test(text) ? Number(text) : undefined;
  if (quantity === undefined || quantity <= 0) errors.quantity = { key: 'errors.qtyPositive' };
  else if (quantity % lotSize !== 0) errors.quantity = { key: 'errors.offLot', params: { lot: lotSize } };
  else if (maxBidderShareBp !== undefined) {
    const cap = mulDiv(supply, maxBidderShareBp, 10_000 * lotSize, 'floor') * lotSize;
    if (quantity > cap) errors.quantity = { key: 'errors.aboveBidderCap', params: { max: cap } };
  }
  if (Object.keys(errors).length > 0 || priceFen === undefined || quantity === undefined) return { errors };
  const guarantee = auction.guarantees[bidderId];
  const free = guarantee ? freeGuaranteeFen(guarantee) : 0;
  return { errors, bid: { priceFen, quantity, topUpFen: Math.max(0, priceFen * quantity - free) } };
}
