import fc from 'fast-check';
import { previewAllocation } from './preview';

describe('allocation preview properties', () => {
  it('no firm above its entitlement, total never above the cap, pools + free = cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.tuple(
          fc.integer({ min: 0, max: 3_000 }),
          fc.integer({ min: 0, max: 3_000 }),
          fc.integer({ min: 0, max: 3_000 }),
        ),
        fc.array(fc.integer({ min: 0, max: 20_000_000 }), { maxLength: 12 }),
        fc.constantFrom('largest-remainder' as const, 'floor' as const),
        fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
        (cap, [a, n, g], ents, scaling, tieSeed) => {
          const p = previewAllocation(
            {
              cap,
              auctionShareBp: a,
              newEntrantReserveBp: n,
              governmentReserveBp: g,
              entitlementRounding: 'half-up',
              scaling,
              ...(tieSeed === undefined ? {} : { tieSeed }),
            },
            ents.map((q, i) => ({ firmId: `F${i}`, basis: { method: 'fixed', quantity: q } })),
          );
          expect(p.auction + p.newEntrantReserve + p.governmentReserve + p.freePool).toBe(cap);
          expect(p.totalAllocated).toBeLessThanOrEqual(p.freePool);
          for (const r of p.rows) {
            expect(r.allocated).toBeLessThanOrEqual(r.entitlement);
            expect(r.allocated).toBeGreaterThanOrEqual(0);
            expect(r.preAllocated + r.afterVerification).toBe(r.allocated);
          }
          if (p.scaled && scaling === 'largest-remainder') expect(p.totalAllocated).toBe(p.freePool);
          if (!p.scaled) expect(p.totalAllocated).toBe(p.totalEntitlement);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
