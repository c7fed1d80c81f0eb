import { vwapOfListingTrades } from './closing-price';

describe('closing price by the national rule', () => {
  it('is the volume-weighted price of the listing trades, block trades left out', () => {
    // (3600 × 100 + 3700 × 300) / 400 = 3675
    const trades = [
      { price: 3600, qty: 100 },
      { price: 3700, qty: 300 },
      { price: 3000, qty: 100_000, block: true },
    ];
    expect(vwapOfListingTrades({ trades, previousClose: 3500, tick: 1 })).toBe(3675);
  });

  it('rounds half-up to the tick', () => {
    // (3601 + 3602) / 2 = 3601.5 → 3602; with a tick of 5: 720.3 ticks → 3600
    const trades = [
      { price: 3601, qty: 1 },
      { price: 3602, qty: 1 },
    ];
    expect(vwapOfListingTrades({ trades, previousClose: 1, tick: 1 })).toBe(3602);
    expect(vwapOfListingTrades({ trades, previousClose: 1, tick: 5 })).toBe(3600);
  });

  it('falls back to the previous close on a day without listing trades', () => {
    expect(
      vwapOfListingTrades({
        trades: [{ price: 3000, qty: 100_000, block: true }],
        previousClose: 3500,
        tick: 1,
      }),
    ).toBe(3500);
  });
});
