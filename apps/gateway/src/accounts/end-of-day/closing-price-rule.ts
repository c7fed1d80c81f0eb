import { vwapOfListingTrades, type ClosingPriceRule } from '@app/clearing';

/** The rule end of day uses; the pricing standard (`@app/pricing`) can provide another under this token. */
export const CLOSING_PRICE_RULE = Symbol('CLOSING_PRICE_RULE');

export const NATIONAL_CLOSING_RULE: { name: string; rule: ClosingPriceRule } = {
  name: 'vwap-listing-trades',
  rule: vwapOfListingTrades,
};
