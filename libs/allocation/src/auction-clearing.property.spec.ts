import fc from 'fast-check';
import { clearAuction } from './auction-clearing';
import type { AuctionRules, Bid } from './auction-types';

const lot = 500;
const bidArb = fc.record({
  bidderId: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
  priceFen: fc.integer({ min: 2_000, max: 2_100 }),
  lots: fc.integer({ min: 1, max: 30 }),
});
const rulesArb: fc.Arbitrary<AuctionRules> = fc.record({
  supply: fc.integer({ min: 1, max: 60 }).map((n) => n * lot),
  lotSize: fc.constant(lot),
  reservePriceFen: fc.integer({ min: 1_990, max: 2_050 }),
  maxBidderShareBp: fc.option(fc.integer({ min: 1_000, max: 10_000 }), { nil: undefined }),
  tieBreak: fc.oneof(
    fc.record({ kind: fc.constant('seeded-random' as const), seed: fc.integer({ min: 0, max: 1_000 }) }),
    fc.record({ kind: fc.constant('pro-rata' as const), seed: fc.integer({ min: 0, max: 1_000 }) }),
  ),
  undersubscribed: fc.constantFrom('cancel' as const, 'clear-at-reserve' as const),
});

describe('uniform-price auction properties', () => {
  it('never oversells, awards whole lots at one price, respects reserve and per-bidder caps, and replays identically', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(bidArb, { minLength: 0, maxLength: 25 }), (rules, raw) => {
        const bids: Bid[] = raw.map((b, i) => ({
          bidId: `b${i}`,
          bidderId: b.bidderId,
          priceFen: b.priceFen,
          quantity: b.lots * lot,
        }));
        const r = clearAuction(rules, bids);
        expect(r.sold).toBeLessThanOrEqual(rules.supply);
        expect(r.sold + r.carriedForward).toBe(rules.supply);
        for (const b of r.bids) {
          expect(b.awarded % lot).toBe(0);
          expect(b.awarded).toBeLessThanOrEqual(b.quantity);
          if (b.awarded > 0) {
            expect(b.priceFen).toBeGreaterThanOrEqual(r.clearingPriceFen as number);
            expect(b.priceFen).toBeGreaterThanOrEqual(rules.reservePriceFen);
          }
          // A bid strictly above the clearing price is filled except for what the cap trimmed.
          if (
            r.status === 'cleared' &&
            r.clearingPriceFen !== undefined &&
            b.priceFen > r.clearingPriceFen &&
            !b.rejection
          ) {
            expect(b.awarded).toBe(b.quantity - b.trimmed);
          }
        }
        if (rules.maxBidderShareBp !== undefined) {
          const cap = Math.floor((rules.supply * rules.maxBidderShareBp) / 10_000 / lot) * lot;
          for (const v of Object.values(r.awardsByBidder)) expect(v).toBeLessThanOrEqual(cap);
        }
        expect(r.revenueFen).toBe((r.clearingPriceFen ?? 0) * r.sold);
        expect(clearAuction(rules, [...bids].reverse())).toEqual({ ...r, bids: [...r.bids].reverse() });
      }),
      { numRuns: 400, seed: 4242 },
    );
  });
});
