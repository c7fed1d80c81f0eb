import { DomainError, mulDiv } from '@app/domain';

/**
 * Fees per side in basis points of the notional (price × qty, fen). Rounding rule: each side's fee
 * on each trade is rounded DOWN to the whole fen (`floor`), in the member's favour. Floor makes
 * the sum of the fees of an order's fills never exceed the fee on the whole order, which is what
 * the order reserved, so a reservation always covers its fills.
 */
export interface FeeSchedule {
  buyerBp: number;
  sellerBp: number;
}

/** Default: 0.1 % per side (an assumption; no published schedule of the two provinces was found). */
export const DEFAULT_FEE_SCHEDULE: FeeSchedule = { buyerBp: 10, sellerBp: 10 };

export function feeOn(notional: number, bp: number): number {
  return mulDiv(notional, bp, 10_000, 'floor');
}

export function notionalOf(price: number, qty: number): number {
  const value = price * qty;
  if (!Number.isSafeInteger(value))
    throw new DomainError('CLEARING.AMOUNT_TOO_LARGE', `price × qty overflows (${price} × ${qty})`, {
      field: 'qty',
    });
  return value;
}

/** Cash a buy of `qty` at most `price` must hold back: the notional plus the buyer's fee on it. */
export function buyReservation(price: number, qty: number, feeBp: number): number {
  const notional = notionalOf(price, qty);
  return notional + feeOn(notional, feeBp);
}

export function validateFeeSchedule(s: FeeSchedule): FeeSchedule {
  for (const [k, v] of Object.entries(s))
    if (!Number.isSafeInteger(v) || v < 0 || v > 10_000)
      throw new DomainError('CLEARING.BAD_FEE_SCHEDULE', `${k} must be an integer 0..10000 bp`, { field: k });
  return s;
}
