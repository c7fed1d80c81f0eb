import fc from 'fast-check';
import { checkFreeAllocationSellLimit, sellableShareOfFreeAllocation } from './free-allocation-sell-limit';

describe("Chongqing's free-allocation sell limit (50 %, cumulative)", () => {
  const rule = { enabled: true, maxShareBp: 5000 };

  it('lets a firm sell at most half of a free allocation of 10,001, rounded down', () => {
    expect(sellableShareOfFreeAllocation(rule, 10_001)).toBe(5_000);
  });

  it('lets a firm with 10,000 free that sold nothing offer 5,000 but not 5,001', () => {
    const position = { freeAllocation: 10_000, sold: 0, reservedForSale: 0 };
    expect(checkFreeAllocationSellLimit(rule, position, 5_000)).toBeNull();
    expect(checkFreeAllocationSellLimit(rule, position, 5_001)).toEqual({
      code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT',
      maxSellable: 5_000,
    });
  });

  it('subtracts what the firm already sold and what its live sell orders offer', () => {
    const position = { freeAllocation: 10_000, sold: 1_500, reservedForSale: 2_000 };
    expect(checkFreeAllocationSellLimit(rule, position, 1_500)).toBeNull();
    expect(checkFreeAllocationSellLimit(rule, position, 1_501)).toEqual({
      code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT',
      maxSellable: 1_500,
    });
  });

  it('offers nothing more, never a negative amount, once the share is used up', () => {
    const position = { freeAllocation: 10_000, sold: 4_000, reservedForSale: 3_000 };
    expect(checkFreeAllocationSellLimit(rule, position, 1)).toEqual({
      code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT',
      maxSellable: 0,
    });
  });

  it('does nothing when switched off or without free allocation', () => {
    const position = { freeAllocation: 10_000, sold: 10_000, reservedForSale: 0 };
    expect(checkFreeAllocationSellLimit({ ...rule, enabled: false }, position, 10_000)).toBeNull();
    expect(checkFreeAllocationSellLimit(rule, { ...position, freeAllocation: 0 }, 10_000)).toBeNull();
  });

  it('never lets sold + offered + the new order exceed the share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.nat(1_000_000),
        fc.nat(1_000_000),
        fc.integer({ min: 1, max: 1_000_000 }),
        (freeAllocation, maxShareBp, sold, reservedForSale, qty) => {
          const r = { enabled: true, maxShareBp };
          const allowed =
            checkFreeAllocationSellLimit(r, { freeAllocation, sold, reservedForSale }, qty) === null;
          expect(allowed).toBe(
            sold + reservedForSale + qty <= Math.floor((freeAllocation * maxShareBp) / 10_000),
          );
        },
      ),
    );
  });
});
