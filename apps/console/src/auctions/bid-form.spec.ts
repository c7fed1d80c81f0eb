import type { Auction } from './auction-types';
import { checkBid } from './bid-form';

const auction: Auction = {
  auctionId: 'CQ-2025-A1',
  status: 'open',
  kind: 'CARBON_ALLOWANCE',
  vintage: 2025,
  auctionDate: '2025-06-15',
  rules: {
    supply: 10_000,
    lotSize: 1000,
    reservePriceFen: 3000,
    maxBidderShareBp: 2500,
    undersubscribed: 'cancel',
  },
  carriedIn: 0,
  bidsReceived: 1,
  biddersRegistered: 1,
  guarantees: {
    'cq-steel-001': { postedFen: 6_000_000, reservedFen: 3_000_000, paidFen: 0, releasedFen: 0 },
  },
};

describe('a sealed bid, checked before sending', () => {
  it('gives the bid in fen and the guarantee still to post beyond the free guarantee', () => {
    expect(checkBid({ price: '35.00', quantity: '2000' }, auction, 'cq-steel-001')).toEqual({
      errors: {},
      bid: { priceFen: 3500, quantity: 2000, topUpFen: 7_000_000 - 3_000_000 },
    });
  });

  it('posts nothing more when the free guarantee covers the bid, and everything for a new bidder', () => {
    expect(checkBid({ price: '30', quantity: '1000' }, auction, 'cq-steel-001').bid?.topUpFen).toBe(0);
    expect(checkBid({ price: '30', quantity: '1000' }, auction, 'cq-steel-002').bid?.topUpFen).toBe(
      3_000_000,
    );
  });

  it('refuses a price under the reserve and a quantity off the lot, next to each field', () => {
    expect(checkBid({ price: '29.99', quantity: '1500' }, auction, 'cq-steel-001').errors).toEqual({
      price: { key: 'errors.belowReserve', params: { reserve: 3000 } },
      quantity: { key: 'errors.offLot', params: { lot: 1000 } },
    });
  });

  it('refuses more than the per-bidder cap of the supply, in whole lots', () => {
    // 25 % of 10,000 = 2,500 → 2 whole lots of 1,000.
    expect(checkBid({ price: '31', quantity: '3000' }, auction, 'cq-steel-002').errors).toEqual({
      quantity: { key: 'errors.aboveBidderCap', params: { max: 2000 } },
    });
  });

  it.each(['', '0', '-1000', '1e3'])('refuses %p as a quantity', (quantity) =>
    expect(checkBid({ price: '31', quantity }, auction, 'x').errors.quantity).toEqual({
      key: 'errors.qtyPositive',
    }),
  );
});
