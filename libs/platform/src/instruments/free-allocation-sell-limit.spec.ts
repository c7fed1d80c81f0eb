import { checkFreeAllocationSellLimit, lockedByFreeAllocationLimit } from './free-allocation-sell-limit';

describe("Chongqing's free-allocation sell limit (50 %)", () => {
  const rule = { enabled: true, maxShareBp: 5000 };

  it('locks the half of a free allocation of 10,001 that may not be sold, rounding in the firm favour', () => {
    expect(lockedByFreeAllocationLimit(rule, 10_001)).toBe(5_001);
  });

  it('lets a firm with 10,000 free and nothing else sell 5,000 but not 5,001', () => {
    const position = { freeAllocation: 10_000, held: 10_000, reservedForSale: 0 };
    expect(checkFreeAllocationSellLimit(rule, position, 5_000)).toBeNull();
    expect(checkFreeAllocationSellLimit(rule, position, 5_001)).toEqual({
      code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT',
      maxSellable: 5_000,
    });
  });

  it('counts live sell orders and never locks units bought on the market', () => {
    const position = { freeAllocation: 10_000, held: 13_000, reservedForSale: 4_000 };
    expect(checkFreeAllocationSellLimit(rule, position, 4_000)).toBeNull();
    expect(checkFreeAllocationSellLimit(rule, position, 4_001)).not.toBeNull();
  });

  it('does nothing when switched off or without free allocation', () => {
    const position = { freeAllocation: 10_000, held: 10_000, reservedForSale: 0 };
    expect(checkFreeAllocationSellLimit({ ...rule, enabled: false }, position, 10_000)).toBeNull();
    expect(checkFreeAllocationSellLimit(rule, { ...position, freeAllocation: 0 }, 10_000)).toBeNull();
  });
});
