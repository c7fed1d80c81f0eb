import {
  ClearingLedger,
  depositCash,
  depositUnits,
  registerMember,
  releaseOrder,
  reserveForAmendment,
  reserveForOrder,
  settleAmendment,
  settleTrade,
  withdrawCash,
} from './index';

const CQEA = 'CQEA-2025';

/** Buyer with CNY 10,000.00, seller with 1,000 t; fees 10 bp per side. */
function given(): ClearingLedger {
  const l = new ClearingLedger();
  l.apply(registerMember(l, { member: 'buyer', name: 'Buyer Co', jurisdiction: 'CQ' }));
  l.apply(registerMember(l, { member: 'seller', name: 'Seller Co', jurisdiction: 'SC' }));
  l.apply(depositCash(l, 'buyer', 1_000_000, 'wire-1'));
  l.apply(depositUnits(l, 'seller', CQEA, 1_000, 'CQ-T-1'));
  return l;
}

const buy = (l: ClearingLedger, orderId: string, price: number | undefined, qty: number) =>
  l.apply(
    reserveForOrder(l, {
      orderId,
      member: 'buyer',
      instrument: CQEA,
      side: 'buy',
      price,
      qty,
      bandHigh: 3960,
      feeBp: 10,
    }),
  );
const sell = (l: ClearingLedger, orderId: string, price: number, qty: number) =>
  l.apply(
    reserveForOrder(l, {
      orderId,
      member: 'seller',
      instrument: CQEA,
      side: 'sell',
      price,
      qty,
      bandHigh: 3960,
      feeBp: 10,
    }),
  );

describe('ClearingLedger', () => {
  describe('given a funded buyer and a seller holding 1,000 t', () => {
    it('a buy of 100 at 36.50 reserves 365,000 fen plus the 365 fen fee', () => {
      const l = given();
      buy(l, 'b1', 3650, 100);
      expect(l.member('buyer')!.cash).toEqual({ available: 1_000_000 - 365_365, reserved: 365_365 });
      expect(l.member('buyer')!.holdings.get(CQEA)!.incoming).toBe(100);
    });

    it('a market buy reserves at the upper band edge, the most it can pay', () => {
      const l = given();
      buy(l, 'b1', undefined, 100);
      expect(l.member('buyer')!.cash.reserved).toBe(396_000 + 396);
    });

    it('a buy the cash does not cover is refused naming qty, and nothing is reserved', () => {
      const l = given();
      expect(() => buy(l, 'b1', 3650, 10_000)).toThrow(
        expect.objectContaining({
          code: 'CLEARING.INSUFFICIENT_CASH',
          details: expect.objectContaining({ field: 'qty' }),
        }),
      );
      expect(l.member('buyer')!.cash).toEqual({ available: 1_000_000, reserved: 0 });
      expect(l.orders.size).toBe(0);
    });

    it('a sell of more units than held is refused (no short selling)', () => {
      const l = given();
      expect(() => sell(l, 's1', 3600, 1_001)).toThrow(
        expect.objectContaining({ code: 'CLEARING.INSUFFICIENT_UNITS' }),
      );
    });

    it('an order from an unknown member is refused naming account', () => {
      const l = given();
      expect(() =>
        reserveForOrder(l, {
          orderId: 'x',
          member: 'nobody',
          instrument: CQEA,
          side: 'buy',
          price: 1,
          qty: 1,
          bandHigh: 2,
          feeBp: 0,
        }),
      ).toThrow(expect.objectContaining({ code: 'CLEARING.UNKNOWN_MEMBER', details: { field: 'account' } }));
    });

    it('a position limit counts holdings and open buys', () => {
      const l = new ClearingLedger();
      l.apply(registerMember(l, { member: 'buyer', name: 'B', jurisdiction: 'CQ', positionLimit: 150 }));
      l.apply(depositCash(l, 'buyer', 10_000_000, 'w'));
      buy(l, 'b1', 3600, 100);
      expect(() => buy(l, 'b2', 3600, 51)).toThrow(
        expect.objectContaining({ code: 'CLEARING.POSITION_LIMIT_EXCEEDED' }),
      );
      expect(() => buy(l, 'b3', 3600, 50)).not.toThrow();
    });

    it('withdrawing more than is available is refused', () => {
      const l = given();
      buy(l, 'b1', 3650, 100);
      expect(() => withdrawCash(l, 'buyer', 1_000_000, 'w')).toThrow(
        expect.objectContaining({ code: 'CLEARING.INSUFFICIENT_CASH' }),
      );
      l.apply(withdrawCash(l, 'buyer', 1_000_000 - 365_365, 'w'));
      expect(l.member('buyer')!.cash.available).toBe(0);
    });
  });

  describe('when a buy at 36.50 for 100 trades 60 at 36.00 against a sell of 60', () => {
    const trade = () => {
      const l = given();
      buy(l, 'b1', 3650, 100);
      sell(l, 's1', 3600, 60);
      const events = settleTrade(l, {
        instrument: CQEA,
        tradeNo: 1,
        price: 3600,
        qty: 60,
        buyer: 'buyer',
        seller: 'seller',
        buyOrderId: 'b1',
        sellOrderId: 's1',
      });
      l.apply(events);
      return { l, events };
    };

    it('moves 216,000 fen to the seller less its 216 fen fee and 60 t to the buyer', () => {
      const { l } = trade();
      expect(l.member('seller')!.cash).toEqual({ available: 216_000 - 216, reserved: 0 });
      expect(l.member('seller')!.holdings.get(CQEA)).toEqual({ available: 940, reserved: 0, incoming: 0 });
      expect(l.member('buyer')!.holdings.get(CQEA)).toEqual({ available: 60, reserved: 0, incoming: 40 });
      expect(l.totalFees()).toBe(432);
    });

    it('releases the price improvement at once and keeps exactly what the rest of the order needs', () => {
      const { l, events } = trade();
      // reserved 365,365; paid 216,216; the 40 still open need 146,000 + 146.
      expect(events[0]).toMatchObject({
        type: 'TradeSettled',
        data: { buyerFee: 216, sellerFee: 216, buyerReleased: 365_365 - 216_216 - 146_146 },
      });
      expect(l.member('buyer')!.cash).toEqual({
        available: 1_000_000 - 216_216 - 146_146,
        reserved: 146_146,
      });
      expect(l.order('s1')).toBeUndefined();
    });

    it('a cancel of the rest hands back the whole remaining reservation', () => {
      const { l } = trade();
      l.apply(releaseOrder(l, 'b1', 'user'));
      expect(l.member('buyer')!.cash).toEqual({ available: 1_000_000 - 216_216, reserved: 0 });
      expect(l.member('buyer')!.holdings.get(CQEA)!.incoming).toBe(0);
      expect(l.orders.size).toBe(0);
      expect(releaseOrder(l, 'b1', 'user')).toEqual([]);
    });
  });

  describe('amending an order', () => {
    it('a price rise tops up before the book, and the book accepting it keeps the new figure', () => {
      const l = given();
      buy(l, 'b1', 3600, 100);
      l.apply(reserveForAmendment(l, { orderId: 'b1', price: 3700 }));
      // 370,370 and one fen for the fee's rounding should fills come first; the book's answer frees it.
      expect(l.member('buyer')!.cash.reserved).toBe(370_371);
      l.apply(settleAmendment(l, 'b1', { price: 3700, openQty: 100 }, 'amend'));
      expect(l.order('b1')).toMatchObject({ reservePrice: 3700, reserved: 370_370 });
    });

    it('a refused amendment hands the top-up back', () => {
      const l = given();
      buy(l, 'b1', 3600, 100);
      l.apply(reserveForAmendment(l, { orderId: 'b1', qty: 150 }));
      l.apply(settleAmendment(l, 'b1', { price: 3600, openQty: 100 }, 'amend-rejected'));
      expect(l.member('buyer')!.cash.reserved).toBe(360_360);
    });

    it('a quantity cut releases units of a sell', () => {
      const l = given();
      sell(l, 's1', 3600, 100);
      l.apply(reserveForAmendment(l, { orderId: 's1', qty: 40 }));
      expect(l.order('s1')!.amendTopUp).toBe(0);
      l.apply(settleAmendment(l, 's1', { price: 3600, openQty: 40 }, 'amend'));
      expect(l.member('seller')!.holdings.get(CQEA)).toMatchObject({ available: 960, reserved: 40 });
    });

    it('a second amendment before the book answered the first is refused (409), and fills meanwhile keep the top-up', () => {
      const l = given();
      buy(l, 'b1', 3600, 100);
      l.apply(reserveForAmendment(l, { orderId: 'b1', price: 3650 }));
      expect(() => reserveForAmendment(l, { orderId: 'b1', qty: 50 })).toThrow(
        expect.objectContaining({ code: 'CLEARING.AMEND_PENDING_CONFLICT' }),
      );
      sell(l, 's1', 3600, 40);
      l.apply(
        settleTrade(l, {
          instrument: CQEA,
          tradeNo: 1,
          price: 3600,
          qty: 40,
          buyer: 'buyer',
          seller: 'seller',
          buyOrderId: 'b1',
          sellOrderId: 's1',
        }),
      );
      // 60 open still need 216,216 at the old price; the 5,006 top-up (5,005 and a fen for the
      // fee's rounding) waits for the amendment.
      expect(l.order('b1')).toMatchObject({ reserved: 216_216 + 5_006, amendTopUp: 5_006 });
      l.apply(settleAmendment(l, 'b1', { price: 3650, openQty: 60 }, 'amend'));
      expect(l.order('b1')).toMatchObject({ reserved: 219_219, amendTopUp: null, reservePrice: 3650 });
    });

    it('a total quantity not above what is filled is refused', () => {
      const l = given();
      buy(l, 'b1', 3600, 100);
      sell(l, 's1', 3600, 60);
      l.apply(
        settleTrade(l, {
          instrument: CQEA,
          tradeNo: 1,
          price: 3600,
          qty: 60,
          buyer: 'buyer',
          seller: 'seller',
          buyOrderId: 'b1',
          sellOrderId: 's1',
        }),
      );
      expect(() => reserveForAmendment(l, { orderId: 'b1', qty: 60 })).toThrow(
        expect.objectContaining({ code: 'CLEARING.AMEND_BELOW_FILLED' }),
      );
    });
  });
});
