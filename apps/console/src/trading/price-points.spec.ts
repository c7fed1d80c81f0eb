import type { Bar, Trade } from '../api/types';
import { barsToCandles, FALLING, RISING, tradesToPricePoints } from './price-points';

const trade = (tradeNo: number, executedAt: number, price: number): Trade => ({
  instrument: 'CQEA-2025',
  tradeNo,
  price,
  qty: 1,
  buyer: 'b',
  seller: 's',
  aggressor: 'buy',
  executedAt,
});

describe('tradesToPricePoints', () => {
  it('keeps the last trade of each second, oldest second first', () => {
    const newestFirst = [
      trade(4, 3_500, 3700),
      trade(3, 2_900, 3650),
      trade(2, 2_100, 3640),
      trade(1, 1_000, 3600),
    ];
    expect(tradesToPricePoints(newestFirst)).toEqual([
      { time: 1, value: 36 },
      { time: 2, value: 36.5 },
      { time: 3, value: 37 },
    ]);
  });

  it('gives nothing for no trades', () => {
    expect(tradesToPricePoints([])).toEqual([]);
  });
});

describe('barsToCandles', () => {
  const bar = (start: number, open: number, close: number, volume: number): Bar => ({
    start,
    open,
    high: Math.max(open, close) + 10,
    low: Math.min(open, close) - 10,
    close,
    volume,
    turnover: 0,
    trades: 1,
  });

  it('gives candles in yuan and seconds, oldest first, with a volume bar coloured by direction', () => {
    const { candles, volumes } = barsToCandles([bar(120_000, 3600, 3550, 700), bar(60_000, 3600, 3650, 300)]);
    expect(candles).toEqual([
      { time: 60, open: 36, high: 36.6, low: 35.9, close: 36.5 },
      { time: 120, open: 36, high: 36.1, low: 35.4, close: 35.5 },
    ]);
    expect(volumes).toEqual([
      { time: 60, value: 300, color: RISING },
      { time: 120, value: 700, color: FALLING },
    ]);
  });

  it('colours an unchanged bar as rising', () => {
    expect(barsToCandles([bar(0, 3600, 3600, 1)]).volumes[0].color).toBe(RISING);
  });
});
