import { givenRegistry } from '../../shared/registry-fixture';
import { auctionSteps } from '../shared/auction-fixture';
import { SubmitBid } from './submit-bid.command';
import { SubmitBidHandler } from './submit-bid.handler';

// Auction A1: 3,000 allowances in lots of 1,000; reserve 30.00 CNY in 2024 escalated by 2.5 %
// to 30.75 in 2025; one bidder may bid for at most 66.67 % of the supply = 2 lots.
const setup = async () => {
  const registry = await givenRegistry('CQ', {
    accounts: ['steel', 'cement', 'glass'],
    allowances: [{ accountId: 'CQ-AUCTION', vintage: 2025, quantity: 3000 }],
  });
  const steps = auctionSteps(registry);
  await steps.schedule({
    reservePriceFen: undefined,
    reservePriceRule: { baseYear: 2024, basePriceFen: 3000, escalationBp: 250 },
    maxBidderShareBp: 6667,
  });
  await steps.guarantee('steel', 8_000_000);
  await steps.guarantee('glass', 1_000_000);
  return { registry, steps };
};

describe('SubmitBid', () => {
  describe('given an open auction with a 30.75 reserve and guarantees posted', () => {
    it('reserves price × quantity of the guarantee for each accepted bid', async () => {
      const { registry, steps } = await setup();
      await steps.bid('s1', 'steel', 3600, 1000);
      await steps.bid('s2', 'steel', 3500, 1000);
      const { records } = await registry.load('CQ');
      const a1 = records.auctionBook.auctions.A1;
      expect(a1?.scheduled.rules.reservePriceFen).toBe(3075);
      expect(a1?.guarantees.steel).toEqual({
        postedFen: 8_000_000,
        reservedFen: 7_100_000,
        paidFen: 0,
        releasedFen: 0,
      });
    });

    it.each([
      ['below the reserve', 'glass', 3074, 1000, 'AUCTION.BELOW_RESERVE', 'priceFen'],
      ['not a whole lot', 'steel', 3600, 1500, 'AUCTION.NOT_LOT_MULTIPLE', 'quantity'],
      ['above the per-bidder cap', 'steel', 3600, 3000, 'AUCTION.OVER_BIDDER_CAP', 'quantity'],
      [
        'worth more than the free guarantee',
        'glass',
        3100,
        1000,
        'AUCTION.INSUFFICIENT_GUARANTEE',
        'quantity',
      ],
      ['from a bidder with no guarantee', 'cement', 3100, 1000, 'AUCTION.INSUFFICIENT_GUARANTEE', 'quantity'],
      ['from an unknown account', 'nobody', 3100, 1000, 'REGISTRY.UNKNOWN_BIDDER', 'bidderId'],
    ])(
      'refuses a bid %s, naming the field, and records nothing',
      async (_, bidder, price, qty, code, field) => {
        const { registry, steps } = await setup();
        const before = await registry.load('CQ');
        await expect(steps.bid('x', bidder, price, qty)).rejects.toMatchObject({ code, details: { field } });
        expect((await registry.load('CQ')).version).toBe(before.version);
      },
    );

    it('refuses a second bid over the cap and one beyond the guarantee left after earlier bids', async () => {
      const { steps } = await setup();
      await steps.bid('s1', 'steel', 3600, 2000);
      await expect(steps.bid('s2', 'steel', 3600, 1000)).rejects.toMatchObject({
        code: 'AUCTION.OVER_BIDDER_CAP',
      });
      await steps.guarantee('cement', 4_000_000);
      await steps.bid('c1', 'cement', 3600, 1000);
      await expect(steps.bid('c2', 'cement', 3100, 1000)).rejects.toMatchObject({
        code: 'AUCTION.INSUFFICIENT_GUARANTEE',
      });
    });

    it('answers a retried bid with the first answer and refuses a reused bid id', async () => {
      const { registry, steps } = await setup();
      const first = await steps.bid('s1', 'steel', 3600, 1000);
      expect(await steps.bid('s1', 'steel', 3600, 1000)).toEqual({ ...first, replayed: true });
      const again = new SubmitBid('CQ', 'A1', {
        commandId: 'another-command',
        actor: 'steel',
        bidId: 's1',
        bidderId: 'steel',
        priceFen: 3500,
        quantity: 1000,
      });
      await expect(new SubmitBidHandler(registry).execute(again)).rejects.toMatchObject({
        code: 'AUCTION.DUPLICATE_BID',
        details: { field: 'bidId' },
      });
    });
  });
});
