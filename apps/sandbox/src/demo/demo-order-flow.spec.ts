import { mulberry32 } from '@app/domain';
import { nextDemoOrder } from './demo-order-flow';

const instruments = [
  { symbol: 'CQEA-2025', jurisdiction: 'CQ', referencePrice: 3600, tick: 1, lot: 1 },
  { symbol: 'SCEA-2025', jurisdiction: 'SC', referencePrice: 4000, tick: 1, lot: 1 },
  { symbol: 'CCER', jurisdiction: 'NATIONAL', referencePrice: 8000, tick: 5, lot: 10 },
];
const accounts = [
  { id: 'cq-power-001', jurisdiction: 'CQ' },
  { id: 'sc-steel-002', jurisdiction: 'SC' },
];

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
      expect(accounts.map((a) => a.id)).toContain(order.account);
    }
  });

  it("trades only the firm's own province's allowance or the national credit", () => {
    const prng = mulberry32(11);
    for (let i = 0; i < 500; i++) {
      const order = nextDemoOrder(prng, instruments, accounts);
      if (order.account === 'cq-power-001') expect(order.instrument).not.toBe('SCEA-2025');
      else expect(order.instrument).not.toBe('CQEA-2025');
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
