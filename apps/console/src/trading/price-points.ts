import type { Bar, Trade } from '../api/types';

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

/** Rising bars red and falling ones green, as Chinese markets colour them (the opposite of the West). */
export const RISING = '#c0392b';
export const FALLING = '#0b7a53';

export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface VolumeBar {
  time: number;
  value: number;
  color: string;
}

/** The gateway's bars (fen, ms) as the chart's candles and volume histogram (yuan, seconds), oldest first. */
export function barsToCandles(bars: readonly Bar[]): { candles: Candle[]; volumes: VolumeBar[] } {
  const sorted = [...bars].sort((a, b) => a.start - b.start);
  return {
    candles: sorted.map((b) => ({
      time: Math.floor(b.start / 1000),
      open: b.open / 100,
      high: b.high / 100,
      low: b.low / 100,
      close: b.close / 100,
    })),
    volumes: sorted.map((b) => ({
      time: Math.floor(b.start / 1000),
      value: b.volume,
      color: b.close >= b.open ? RISING : FALLING,
    })),
  };
}
