import { clearAuction } from './auction-clearing';
import type { AuctionRules, Bid } from './auction-types';

const rules = (over: Partial<AuctionRules> = {}): AuctionRules => ({
  supply: 10_000,
  lotSize: 1_000,
  reservePriceFen: 3_000,
  tieBreak: { kind: 'seeded-random', seed: 7 },
  undersubscribed: 'cancel',
  ...over,
});

describe('auction: supply 10,000 in lots of 1,000, reserve ¥30.00', () => {
  const tied: Bid[] = [
    { bidId: 'a', bidderId: 'A', priceFen: 4_000, quantity: 6_000 },
    { bidId: 'b', bidderId: 'B', priceFen: 3_600, quantity: 3_000 },
    { bidId: 'c', bidderId: 'C', priceFen: 3_600, quantity: 3_000 },
    { bidId: 'd', bidderId: 'D', priceFen: 3_500, quantity: 5_000 },
  ];

  it('clears at the lowest accepted bid (¥36.00); bids above win in full', () => {
    const r = clearAuction(rules(), tied);
    expect(r.clearingPriceFen).toBe(3_600);
    expect(r.sold).toBe(10_000);
    expect(r.awardsByBidder['A']).toBe(6_000);
    expect((r.awardsByBidder['B'] ?? 0) + (r.awardsByBidder['C'] ?? 0)).toBe(4_000);
    expect(r.revenueFen).toBe(36_000_000);
  });

  it('seeded random tie-break: the bidder order is fixed by the seed before the auction, and replays identically', () => {
    const r1 = clearAuction(rules(), tied);
    const r2 = clearAuction(rules(), [...tied].reverse());
    expect(r2.awardsByBidder).toEqual(r1.awardsByBidder);
    const first = r1.tieOrder.filter((id) => id === 'B' || id === 'C')[0] as string;
    expect(r1.awardsByBidder[first]).toBe(3_000);
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (seed) => clearAuction(rules({ tieBreak: { kind: 'seeded-random', seed } }), tied).awardsByBidder['B'],
    );
    expect(new Set(seeds)).toEqual(new Set([1_000, 3_000]));
  });

  it('with registered bidders the order is a shuffle of the registration list, fixed before bids; others are rejected', () => {
    const registeredBidders = ['A', 'B', 'C', 'D', 'E'];
    const r = clearAuction(rules({ registeredBidders }), [
      ...tied,
      { bidId: 'z', bidderId: 'Z', priceFen: 9_000, quantity: 1_000 },
    ]);
    expect([...r.tieOrder].sort()).toEqual(registeredBidders);
    expect(clearAuction(rules({ registeredBidders }), []).tieOrder).toEqual(r.tieOrder);
    expect(r.bids.at(-1)?.rejection).toBe('AUCTION.NOT_REGISTERED');
    expect(r.awardsByBidder['Z']).toBeUndefined();
  });

  it('pro-rata tie-break: 4 lots over two equal bids → 2 lots each', () => {
    const r = clearAuction(rules({ tieBreak: { kind: 'pro-rata', seed: 7 } }), tied);
    expect(r.awardsByBidder).toEqual({ A: 6_000, B: 2_000, C: 2_000 });
  });

  it('per-bidder cap of 30 % (3,000 units) trims each bidder’s lowest-priced bids first', () => {
    const r = clearAuction(rules({ maxBidderShareBp: 3_000 }), [
      { bidId: 'a1', bidderId: 'A', priceFen: 5_000, quantity: 2_000 },
      { bidId: 'a2', bidderId: 'A', priceFen: 4_500, quantity: 5_000 },
      { bidId: 'b', bidderId: 'B', priceFen: 4_000, quantity: 4_000 },
      { bidId: 'c', bidderId: 'C', priceFen: 3_800, quantity: 4_000 },
      { bidId: 'd', bidderId: 'D', priceFen: 3_200, quantity: 4_000 },
    ]);
    expect(r.bids.find((b) => b.bidId === 'a2')).toEqual(
      expect.objectContaining({ trimmed: 4_000, awarded: 1_000 }),
    );
    expect(r.awardsByBidder).toEqual({ A: 3_000, B: 3_000, C: 3_000, D: 1_000 });
    expect(r.clearingPriceFen).toBe(3_200);
  });

  it('a cap that leaves eligible demand below the volume cancels under the EU rule', () => {
    const r = clearAuction(rules({ maxBidderShareBp: 2_500 }), [
      { bidId: 'a', bidderId: 'A', priceFen: 5_000, quantity: 7_000 },
      { bidId: 'b', bidderId: 'B', priceFen: 4_000, quantity: 7_000 },
    ]);
    expect(r.status).toBe('cancelled');
    expect(r.carriedForward).toBe(10_000);
  });

  it('bids below the reserve or off-lot are rejected and never win', () => {
    const r = clearAuction(rules({ undersubscribed: 'clear-at-reserve' }), [
      { bidId: 'low', bidderId: 'A', priceFen: 2_999, quantity: 5_000 },
      { bidId: 'odd', bidderId: 'B', priceFen: 5_000, quantity: 1_500 },
      { bidId: 'ok', bidderId: 'C', priceFen: 4_000, quantity: 4_000 },
    ]);
    expect(r.bids.map((b) => b.rejection)).toEqual([
      'AUCTION.BELOW_RESERVE',
      'AUCTION.NOT_LOT_MULTIPLE',
      undefined,
    ]);
    expect(r.clearingPriceFen).toBe(3_000);
    expect(r.sold).toBe(4_000);
    expect(r.carriedForward).toBe(6_000);
  });

  it('EU rule: bids below the volume cancel the auction and carry the whole volume forward', () => {
    const r = clearAuction(rules(), [{ bidId: 'x', bidderId: 'X', priceFen: 9_000, quantity: 9_000 }]);
    expect(r).toEqual(
      expect.objectContaining({
        status: 'cancelled',
        sold: 0,
        carriedForward: 10_000,
        revenueFen: 0,
        coverageBp: 9_000,
      }),
    );
    expect(r.clearingPriceFen).toBeUndefined();
  });
});
