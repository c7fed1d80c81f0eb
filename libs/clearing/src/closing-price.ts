import { divRound } from '@app/domain';

export interface DayTrade {
  price: number;
  qty: number;
  /** Block (negotiated) trades do not set the closing price. */
  block?: boolean;
}

/**
 * How the day's closing price is set. One function so the pricing standard (`@app/pricing`)
 * can supply its own rule later without touching settlement or statements.
 */
export type ClosingPriceRule = (day: {
  trades: readonly DayTrade[];
  previousClose: number;
  tick: number;
}) => number;

/**
 * The national market's rule: the volume-weighted average price of the day's listing (non-block)
 * trades, rounded half-up to the tick; with no listing trade, the previous close.
 */
export const vwapOfListingTrades: ClosingPriceRule = ({ trades, previousClose, tick }) => {
  let value = 0n;
  let volume = 0n;
  for (const t of trades) {
    if (t.block) continue;
    value += BigInt(t.price) * BigInt(t.qty);
    volume += BigInt(t.qty);
  }
  if (volume === 0n) return previousClose;
  const ticks = divRound(value, volume * BigInt(tick), 'half-up');
  return Number(ticks) * tick;
};
