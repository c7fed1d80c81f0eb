import { balanceOf } from '@app/ledger';
import { givenRegistry } from '../../shared/registry-fixture';
import { ClearAuction } from './clear-auction.command';
import type { ClearAuctionDto } from './clear-auction.dto';
import { ClearAuctionHandler } from './clear-auction.handler';

// 3,000 units in lots of 1,000, reserve 30.00: steel bids 2,000 at 36.00, cement 2,000 at 35.00.
// Uniform price: the marginal (lowest accepted) bid sets 35.00; steel gets 2,000, cement 1,000.
const body = (over: Partial<ClearAuctionDto> = {}): ClearAuctionDto =>
  Object.assign(
    {
      commandId: 'auction-a1',
      actor: 'regulator:cq-eco',
      vintage: 2025,
      rules: {
        supply: 3000,
        lotSize: 1000,
        reservePriceFen: 3000,
        tieBreak: { kind: 'seeded-random', seed: 7 },
        undersubscribed: 'clear-at-reserve',
      },
      bids: [
        { bidId: 'b1', bidderId: 'steel', priceFen: 3600, quantity: 2000 },
        { bidId: 'b2', bidderId: 'cement', priceFen: 3500, quantity: 2000 },
      ],
    },
    over,
  ) as ClearAuctionDto;

describe('ClearAuction', () => {
  describe('given 3,000 allowances in the auction account', () => {
    const setup = () =>
      givenRegistry('CQ', {
        accounts: ['steel', 'cement'],
        allowances: [{ accountId: 'CQ-AUCTION', vintage: 2025, quantity: 3000 }],
      });

    it('records the uniform-price result and delivers each award from the auction account', async () => {
      const registry = await setup();
      const view = await new ClearAuctionHandler(registry).execute(new ClearAuction('CQ', 'A1', body()));
      expect(view.result).toMatchObject({
        status: 'cleared',
        clearingPriceFen: 3500,
        sold: 3000,
        revenueFen: 10_500_000,
      });
      expect(view.awards).toEqual([
        expect.objectContaining({ bidderId: 'cement', quantity: 1000 }),
        expect.objectContaining({ bidderId: 'steel', quantity: 2000 }),
      ]);
      const { ledger, records } = await registry.load('CQ');
      expect(['steel', 'cement', 'CQ-AUCTION'].map((a) => balanceOf(ledger, a))).toEqual([2000, 1000, 0]);
      expect(records.auctions.A1?.result.clearingPriceFen).toBe(3500);
      expect(registry.appended.at(-1)?.types).toEqual([
        'AuctionCleared',
        'UnitsTransferred',
        'UnitsTransferred',
      ]);
    });

    it('answers a retry with the first result, and refuses to clear the same auction again', async () => {
      const registry = await setup();
      const handler = new ClearAuctionHandler(registry);
      const first = await handler.execute(new ClearAuction('CQ', 'A1', body()));
      expect(await handler.execute(new ClearAuction('CQ', 'A1', body()))).toEqual({
        ...first,
        replayed: true,
      });
      await expect(
        handler.execute(new ClearAuction('CQ', 'A1', body({ commandId: 'auction-a1-bis' }))),
      ).rejects.toMatchObject({
        code: 'REGISTRY.DUPLICATE_AUCTION',
      });
    });

    it('records nothing when the auction account cannot deliver', async () => {
      const registry = await setup();
      const big = body({ rules: { ...body().rules, supply: 4000 } as ClearAuctionDto['rules'] });
      big.bids = [{ bidId: 'b1', bidderId: 'steel', priceFen: 3600, quantity: 4000 }];
      await expect(
        new ClearAuctionHandler(registry).execute(new ClearAuction('CQ', 'A2', big)),
      ).rejects.toMatchObject({
        code: 'LEDGER.INSUFFICIENT_UNITS',
      });
      expect((await registry.load('CQ')).records.auctions).toEqual({});
    });
  });
});
