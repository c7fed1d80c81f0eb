import { drawNewEntrantReserve, previewAllocation, type AllocationRules } from './preview';

const rules: AllocationRules = {
  cap: 1_000_000,
  auctionShareBp: 500,
  newEntrantReserveBp: 300,
  governmentReserveBp: 500,
  preAllocationShareBp: 7000,
  entitlementRounding: 'half-up',
  scaling: 'largest-remainder',
};
const fixed = (firmId: string, quantity: number) => ({
  firmId,
  basis: { method: 'fixed', quantity } as const,
});

describe('allocation preview: cap 1,000,000; auction 5 %, new entrants 3 %, government 5 % → free pool 870,000', () => {
  it('entitlements 1,000,001 > pool: scaled pro rata, remainders to the largest fractions, total exactly 870,000', () => {
    const p = previewAllocation(rules, [fixed('A', 500_000), fixed('B', 300_000), fixed('C', 200_001)]);
    expect([p.auction, p.newEntrantReserve, p.governmentReserve, p.freePool]).toEqual([
      50_000, 30_000, 50_000, 870_000,
    ]);
    expect(p.scaled).toBe(true);
    // Exact shares 434,999.565 / 260,999.739 / 174,000.696 → floors + 2 leftovers to B and C.
    expect(p.rows.map((r) => [r.firmId, r.allocated])).toEqual([
      ['A', 434_999],
      ['B', 261_000],
      ['C', 174_001],
    ]);
    expect(p.totalAllocated).toBe(870_000);
    expect(p.unallocated).toBe(0);
    expect(p.rows[0]).toEqual(expect.objectContaining({ preAllocated: 304_499, afterVerification: 130_500 }));
  });

  it('never gives a firm more than its rules, never exceeds the cap', () => {
    const p = previewAllocation(rules, [
      fixed('A', 100_000),
      { firmId: 'P', basis: { method: 'benchmark', lines: [{ output: 500_000, benchmark: 877 }] } },
    ]);
    expect(p.scaled).toBe(false);
    expect(p.rows.map((r) => r.allocated)).toEqual([100_000, 438_500]);
    expect(p.unallocated).toBe(870_000 - 538_500);
    expect(p.auction + p.newEntrantReserve + p.governmentReserve + p.totalAllocated).toBeLessThanOrEqual(
      p.cap,
    );
  });

  it('floor scaling leaves the remainder unallocated', () => {
    const p = previewAllocation({ ...rules, scaling: 'floor' }, [
      fixed('A', 500_000),
      fixed('B', 300_000),
      fixed('C', 200_001),
    ]);
    expect(p.rows.map((r) => r.allocated)).toEqual([434_999, 260_999, 174_000]);
    expect(p.unallocated).toBe(2);
  });

  it('equal remainders are broken by a seeded order, reproducibly', () => {
    const firms = [fixed('A', 1), fixed('B', 1), fixed('C', 1)];
    const small = {
      ...rules,
      cap: 2,
      auctionShareBp: 0,
      newEntrantReserveBp: 0,
      governmentReserveBp: 0,
      tieSeed: 99,
    };
    const a = previewAllocation(small, firms);
    expect(a.totalAllocated).toBe(2);
    expect(previewAllocation(small, firms).rows).toEqual(a.rows);
  });

  it('rejects shares above 100 % and duplicate firms', () => {
    expect(() => previewAllocation({ ...rules, auctionShareBp: 9_500 }, [])).toThrow(
      'ALLOCATION.SHARES_EXCEED_CAP',
    );
    expect(() => previewAllocation(rules, [fixed('A', 1), fixed('A', 2)])).toThrow(
      'ALLOCATION.DUPLICATE_FIRM',
    );
  });

  it('new-entrant reserve grants at most what is left', () => {
    expect(drawNewEntrantReserve(30_000, 45_000)).toEqual({ granted: 30_000, remaining: 0 });
  });
});
