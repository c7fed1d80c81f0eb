import type { Trade } from '../api/types';

export interface PricePoint {
  /** Seconds since the epoch (the chart's time scale). */
  time: number;
  /** Yuan per unit. */
  value: number;
}

/**
 * One point per second, the last trade's price in that second, oldest first: the chart needs
 * strictly increasing times, and trades arrive newest first and several per second.
 */
export function tradesToPricePoints(trades: readonly Trade[]): PricePoint[] {
  const bySecond = new Map<number, Trade>();
  for (const trade of trades) {
    const second = Math.floor(trade.executedAt / 1000);
    const seen = bySecond.get(second);
    if (!seen || seen.tradeNo < trade.tradeNo) bySecond.set(second, trade);
  }
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([time, trade]) => ({ time, value: trade.price / 100 }));
}
