import { PlaceOrderMessage } from '@app/contracts';
import { InstrumentCatalogue } from '@app/platform';
import { InstrumentBook } from './instrument-book';
import { BookCommand, randomBookCommands } from './testing/random-commands';

const CQEA = InstrumentCatalogue.load('seeds').get('CQEA-2025')!;
const order = (
  o: Partial<PlaceOrderMessage> & Pick<PlaceOrderMessage, 'orderId' | 'account' | 'side'>,
): PlaceOrderMessage => ({
  commandId: `place:${o.orderId}`,
  instrument: 'CQEA-2025',
  type: 'limit',
  price: 3600,
  qty: 100,
  tif: 'GTC',
  postOnly: false,
  receivedAt: 1_700_000_000_000,
  ...o,
});

describe('InstrumentBook', () => {
  describe('given a resting sell order of 100 at 3600 from seller-a', () => {
    const setup = () => {
      const book = new InstrumentBook(CQEA);
      book.place(order({ orderId: 's1', account: 'seller-a', side: 'sell' }));
      return book;
    };

    it('when a buy of 60 at 3610 arrives, it trades 60 at the resting price and names both parties', () => {
      const events = setup().place(
        order({ orderId: 'b1', account: 'buyer-b', side: 'buy', price: 3610, qty: 60 }),
      );
      expect(events).toEqual([
        { type: 'OrderAccepted', data: { order: expect.objectContaining({ orderId: 'b1' }) } },
        {
          type: 'TradeExecuted',
          data: expect.objectContaining({
            tradeNo: 1,
            price: 3600,
            qty: 60,
            buyer: 'buyer-b',
            seller: 'seller-a',
            buyOrderId: 'b1',
            sellOrderId: 's1',
            aggressor: 'buy',
          }),
        },
      ]);
    });

    it('when a price outside the ±10 % band arrives, it is rejected and nothing trades', () => {
      const events = setup().place(order({ orderId: 'b2', account: 'buyer-b', side: 'buy', price: 4000 }));
      expect(events).toEqual([
        { type: 'OrderRejected', data: expect.objectContaining({ orderId: 'b2', reason: 'outside-band' }) },
      ]);
    });

    it('a replay of its stream rebuilds the same book', () => {
      const live = setup();
      const log = [
        ...live.place(order({ orderId: 'b3', account: 'buyer-b', side: 'buy', price: 3600, qty: 30 })),
        ...live.place(order({ orderId: 's4', account: 'seller-c', side: 'sell', price: 3650, qty: 10 })),
        ...live.cancel('s4'),
      ];
      const rebuilt = setup();
      log.forEach((e) => rebuilt.replay(e));
      expect(rebuilt.depth(5)).toEqual(live.depth(5));
      expect(live.depth(5).asks).toEqual([{ price: 3600, qty: 70, orders: 1 }]);
    });
  });

  describe('given a book that ran 3,000 random orders and cancels', () => {
    const run = (book: InstrumentBook, commands: BookCommand[]) =>
      commands.flatMap((c) => (c.name === 'PlaceOrder' ? book.place(c.payload) : book.cancel(c.orderId)));
    const [first, next] = [
      randomBookCommands('CQEA-2025', 3000, 7),
      randomBookCommands('CQEA-2025', 500, 8, 3600, 'n'),
    ];

    it('a snapshot taken through JSON restores the same depth, trade number and next events', () => {
      const live = new InstrumentBook(CQEA);
      run(live, first);
      live.version = 4242;
      const restored = InstrumentBook.restore(CQEA, JSON.parse(JSON.stringify(live.snapshot())));

      expect(live.lastTradeNo).toBeGreaterThan(100);
      expect(restored.version).toBe(4242);
      expect(restored.lastTradeNo).toBe(live.lastTradeNo);
      expect(restored.depth(1000)).toEqual(live.depth(1000));
      expect(restored.liveOrders).toBe(live.liveOrders);
      expect(run(restored, next)).toEqual(run(live, next));
      expect(restored.depth(1000)).toEqual(live.depth(1000));
    });

    it('keeps the owners of live orders only', () => {
      const live = new InstrumentBook(CQEA);
      run(live, first);
      const resting = live.snapshot().engine;
      expect(live.liveOrders).toBe(resting.bids.length + resting.asks.length);
    });
  });
});
