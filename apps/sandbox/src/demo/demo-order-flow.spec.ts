import { mulberry32 } from '@app/domain';
import { nextDemoOrder } from './demo-order-flow';

const instruments = [
  { symbol: 'CQEA-2025', referencePrice: 3600, tick: 1, lot: 1 },
  { symbol: 'CCER', referencePrice: 8000, tick: 5, lot: 10 },
];
const accounts = ['cq-power-001', 'sc-steel-002'];

describe('demo order flow', () => {
  it('keeps every order on the tick and lot, within 2 % of the reference, from a demo account', () => {
    const prng = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      const order = nextDemoOrder(prng, instruments, accounts);
      const instrument = instruments.find((x) => x.symbol === order.instrument)!;
      expect(order.price % instrument.tick).toBe(0);
      expect(order.qty % instrument.lot).toBe(0);
      expect(order.qty).toBeGreaterThan(0);
      expect(Math.abs(order.price - instrument.referencePrice)).toBeLessThanOrEqual(
        instrument.referencePrice * 0.02,
      );
      expect(accounts).toContain(order.account);
    }
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const run = (seed: number) => {
      const prng = mulberry32(seed);
      return Array.from({ length: 20 }, () => nextDemoOrder(prng, instruments, accounts));
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('trades both sides', () => {
    const prng = mulberry32(3);
    const sides = new Set(Array.from({ length: 50 }, () => nextDemoOrder(prng, instruments, accounts).side));
    expect(sides).toEqual(new Set(['buy', 'sell']));
  });
});
