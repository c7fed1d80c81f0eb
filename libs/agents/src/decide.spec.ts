import { mulberry32 } from '@app/domain';
import { BUY_SIDE, demandAt, newTrader, SELL_SIDE } from './trader';
import { decideOrder, type MarketView, type OrderIntent } from './decide';

const mac = { type: 'linear', maxAbatement: 1000, priceAtMax: 10_000 } as const; // a(p) = p / 10
const view: MarketView = {
  reference: 5000,
  bandLow: 4500,
  bandHigh: 5500,
  tick: 1,
  penaltyPrice: 15_000,
  stepsLeft: 10,
  lastDayTraded: true,
  lastDayAtLimit: 0,
};

function trader(emissions: number, holdings: number, quote = 5000) {
  const t = newTrader('f', 0, 'mac-trader', mac, quote);
  t.emissions = emissions;
  t.holdings = holdings;
  return t;
}

describe('mac-trader', () => {
  it('given a shortfall larger than its cheap abatement, buys the rest at its belief', () => {
    const t = trader(10_000, 9_000); // short 1,000; abates 500 below 5,000 fen
    const out: OrderIntent = { side: -1, price: 0, qty: 0 };
    expect(decideOrder(t, view, mulberry32(1), out)).toBe(true);
    expect(out).toEqual({ side: BUY_SIDE, price: 5000, qty: 500 });
  });

  it('given abatement cheaper than the price beyond its shortfall, sells the surplus', () => {
    const t = trader(10_000, 9_800); // short 200 but abates 500 below 5,000
    const out: OrderIntent = { side: -1, price: 0, qty: 0 };
    decideOrder(t, view, mulberry32(1), out);
    expect(out).toEqual({ side: SELL_SIDE, price: 5000, qty: 300 });
  });

  it('when its buy order went unfilled, bids higher next time; the order price stays in the band', () => {
    const t = trader(10_000, 9_000, 5450);
    t.lastSide = BUY_SIDE;
    t.lastQty = 100;
    const out: OrderIntent = { side: -1, price: 0, qty: 0 };
    decideOrder(t, view, mulberry32(1), out);
    expect(t.quote).toBeGreaterThan(5450);
    expect(out.price).toBe(5500);
  });

  it('never sells more than it holds', () => {
    const t = trader(100, 50);
    expect(demandAt(t, 5000, 15_000)).toBe(-50);
    const out: OrderIntent = { side: -1, price: 0, qty: 0 };
    decideOrder(t, view, mulberry32(1), out);
    expect(out.qty).toBeLessThanOrEqual(50);
  });
});

describe('zi-c', () => {
  it('never bids above the value of its next unit nor asks below its cost', () => {
    const prng = mulberry32(7);
    for (let k = 0; k < 200; k++) {
      const t = newTrader('z', 0, 'zi-c', mac, 5000);
      t.emissions = 10_000;
      t.holdings = 9_000 + prng.nextInt(1_000);
      const out: OrderIntent = { side: -1, price: 0, qty: 0 };
      if (!decideOrder(t, view, prng, out)) continue;
      const r = t.emissions - t.holdings;
      if (out.side === BUY_SIDE) expect(out.price).toBeLessThanOrEqual((r * 10_000) / 1000 + 1);
      else expect(out.price).toBeGreaterThanOrEqual(((r + 1) * 10_000) / 1000 - 10);
    }
  });
});
