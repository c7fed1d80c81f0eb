import type { Trade } from '../api/types';
import { tradesToPricePoints } from './price-points';

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
