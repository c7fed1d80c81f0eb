import { PlaceOrderMessage } from '@app/contracts';
import { InstrumentCatalogue } from '@app/platform';
import { InstrumentBook, MODE_NOT_ALLOWED } from './instrument-book';
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

  describe('given a continuous book with a resting DAY bid and a resting GTC ask', () => {
    const session = (to: 'closed' | 'continuous', closesDay = false) => ({
      commandId: `session:CQEA-2025:2026-11-24:${to}`,
      instrument: 'CQEA-2025',
      session: to,
      tradingDay: '2026-11-24',
      closesDay,
      receivedAt: 1_700_000_100_000,
    });
    const setup = () => {
      const book = new InstrumentBook(CQEA);
      const log = [
        ...book.place(
          order({ orderId: 'day-bid', account: 'buyer-b', side: 'buy', price: 3590, tif: 'DAY' }),
        ),
        ...book.place(order({ orderId: 'gtc-ask', account: 'seller-a', side: 'sell', price: 3610 })),
      ];
      return { book, log };
    };

    it('at the day’s last close the session closes and the DAY order expires; the GTC order stays', () => {
      const { book } = setup();
      expect(book.setSession(session('closed', true))).toEqual([
        {
          type: 'SessionChanged',
          data: {
            instrument: 'CQEA-2025',
            from: 'continuous',
            to: 'closed',
            tradingDay: '2026-11-24',
            at: 1_700_000_100_000,
          },
        },
        {
          type: 'OrderCancelled',
          data: { orderId: 'day-bid', instrument: 'CQEA-2025', qty: 100, reason: 'expired' },
        },
      ]);
      expect(book.depth(5)).toEqual({ bids: [], asks: [{ price: 3610, qty: 100, orders: 1 }] });
    });

    it('at the midday break it closes without expiring anything, refuses orders, and reopens through pre-open', () => {
      const { book } = setup();
      expect(book.setSession(session('closed')).map((e) => e.type)).toEqual(['SessionChanged']);
      expect(book.place(order({ orderId: 'late', account: 'buyer-c', side: 'buy', price: 3610 }))).toEqual([
        {
          type: 'OrderRejected',
          data: expect.objectContaining({ orderId: 'late', reason: 'session-closed' }),
        },
      ]);
      expect(
        book.setSession(session('continuous')).map((e) => e.type === 'SessionChanged' && e.data.to),
      ).toEqual(['pre-open', 'continuous']);
      expect(book.setSession(session('continuous'))).toEqual([]);
      expect(
        book
          .place(order({ orderId: 'again', account: 'buyer-c', side: 'buy', price: 3610 }))
          .map((e) => e.type),
      ).toEqual(['OrderAccepted', 'TradeExecuted']);
    });

    it('a replay or a snapshot of a day with a close and a reopen rebuilds the same book and session', () => {
      const { book: live, log } = setup();
      log.push(...live.setSession(session('closed', true)));
      const whileClosed = JSON.parse(JSON.stringify(live.snapshot()));
      log.push(...live.setSession(session('continuous')));
      log.push(
        ...live.place(order({ orderId: 'b9', account: 'buyer-c', side: 'buy', price: 3610, qty: 40 })),
      );

      const replayed = new InstrumentBook(CQEA);
      log.forEach((e) => replayed.replay(e));
      const restored = InstrumentBook.restore(CQEA, whileClosed);
      expect(restored.session).toBe('closed');
      restored.setSession(session('continuous'));
      restored.place(order({ orderId: 'b9', account: 'buyer-c', side: 'buy', price: 3610, qty: 40 }));
      for (const book of [replayed, restored]) {
        expect(book.session).toBe('continuous');
        expect(book.depth(5)).toEqual(live.depth(5));
        expect(book.lastTradeNo).toBe(live.lastTradeNo);
      }
    });
  });

  describe('given a regulator moves the reference price from 36.00 to 40.00 CNY', () => {
    const decision = {
      commandId: 'configure:CQEA-2025:d1',
      instrument: 'CQEA-2025',
      decisionId: 'd1',
      effectiveFromMs: 1_700_000_000_000,
      changes: { referencePrice: 4000 },
      receivedAt: 1_700_000_000_500,
    };

    it('the band follows the new reference price, in the book, its replay and its snapshot', () => {
      const live = new InstrumentBook(CQEA);
      const log = live.configure(decision);
      expect(log).toEqual([
        {
          type: 'BookConfigured',
          data: {
            instrument: 'CQEA-2025',
            decisionId: 'd1',
            changes: { referencePrice: 4000 },
            effectiveFromMs: 1_700_000_000_000,
            at: 1_700_000_000_500,
          },
        },
      ]);
      const replayed = new InstrumentBook(CQEA);
      log.forEach((e) => replayed.replay(e));
      const restored = InstrumentBook.restore(CQEA, JSON.parse(JSON.stringify(live.snapshot())));
      for (const book of [live, replayed, restored]) {
        expect(
          book.place(order({ orderId: 'high', account: 'buyer-b', side: 'buy', price: 4400 }))[0].type,
        ).toBe('OrderAccepted');
        expect(
          book.place(order({ orderId: 'low', account: 'seller-a', side: 'sell', price: 3500 }))[0],
        ).toEqual({
          type: 'OrderRejected',
          data: expect.objectContaining({ reason: 'outside-band' }),
        });
      }
    });

    it('changes the engine refuses leave the book as it was, with no event', () => {
      const book = new InstrumentBook(CQEA);
      expect(book.configure({ ...decision, changes: { tick: 0 } })).toEqual([]);
      expect(book.place(order({ orderId: 'b', account: 'buyer-b', side: 'buy', price: 3601 }))[0].type).toBe(
        'OrderAccepted',
      );
    });
  });

  describe('trading modes decided by the regulator', () => {
    const decide = (book: InstrumentBook, modes: ('continuous' | 'auction' | 'block')[], id: string) =>
      book.configure({
        commandId: `configure:${id}`,
        instrument: 'CQEA-2025',
        decisionId: id,
        effectiveFromMs: 0,
        changes: { modes },
        receivedAt: 1,
      });
    const session = (book: InstrumentBook, to: 'pre-open' | 'continuous' | 'closed') =>
      book.setSession({
        commandId: `session:${to}`,
        instrument: 'CQEA-2025',
        session: to,
        tradingDay: '2026-11-25',
        closesDay: false,
        receivedAt: 2,
      });
    const block = {
      commandId: 'block:t1',
      tradeId: 't1',
      instrument: 'CQEA-2025',
      buyer: 'buyer-b',
      seller: 'seller-a',
      buyOrderId: 'bb1',
      sellOrderId: 'bs1',
      price: 3600,
      qty: 100_000,
      receivedAt: 3,
    };
    const rejected = (orderId: string) => ({
      type: 'OrderRejected',
      data: { orderId, instrument: 'CQEA-2025', account: 'buyer-b', reason: MODE_NOT_ALLOWED },
    });

    it('refuses new orders and amendments in the continuous session without continuous trading; resting ones stay and can be cancelled', () => {
      const book = new InstrumentBook(CQEA);
      book.placeNew(order({ orderId: 's1', account: 'seller-a', side: 'sell' }));
      expect(decide(book, ['auction', 'block'], 'd1')).toEqual([
        expect.objectContaining({
          type: 'BookConfigured',
          data: expect.objectContaining({ changes: { modes: ['auction', 'block'] } }),
        }),
      ]);
      expect(book.placeNew(order({ orderId: 'b1', account: 'buyer-b', side: 'buy' }))).toEqual([
        rejected('b1'),
      ]);
      expect(
        book.amend({
          commandId: 'amend:s1',
          orderId: 's1',
          instrument: 'CQEA-2025',
          price: 3500,
          openQtySeen: 100,
          receivedAt: 4,
        }),
      ).toEqual([
        { type: 'AmendRejected', data: { orderId: 's1', instrument: 'CQEA-2025', reason: MODE_NOT_ALLOWED } },
      ]);
      expect(book.depth(5).asks).toEqual([{ price: 3600, qty: 100, orders: 1 }]);
      expect(book.cancel('s1')).toEqual([expect.objectContaining({ type: 'OrderCancelled' })]);
      // Block trades are still allowed.
      expect(book.reportBlock(block)).toEqual([expect.objectContaining({ type: 'BlockTradeExecuted' })]);
    });

    it('collects orders for the call auction only where auctions are allowed', () => {
      const auctions = new InstrumentBook(CQEA);
      session(auctions, 'closed');
      session(auctions, 'pre-open');
      decide(auctions, ['auction'], 'd2');
      expect(auctions.placeNew(order({ orderId: 'b2', account: 'buyer-b', side: 'buy' }))).toEqual([
        { type: 'OrderAccepted', data: { order: expect.objectContaining({ orderId: 'b2' }) } },
      ]);
      decide(auctions, ['continuous'], 'd3');
      expect(auctions.placeNew(order({ orderId: 'b3', account: 'buyer-b', side: 'buy' }))).toEqual([
        rejected('b3'),
      ]);
      // In continuous trading the same instrument takes it again.
      session(auctions, 'continuous');
      expect(auctions.placeNew(order({ orderId: 'b4', account: 'buyer-b', side: 'buy' }))[0]).toMatchObject({
        type: 'OrderAccepted',
      });
    });

    it('refuses a block trade once blocks are not allowed, and everything once trading is suspended', () => {
      const book = new InstrumentBook(CQEA);
      decide(book, ['continuous'], 'd4');
      expect(book.reportBlock(block)).toEqual([
        {
          type: 'BlockTradeRejected',
          data: {
            instrument: 'CQEA-2025',
            tradeId: 't1',
            buyOrderId: 'bb1',
            sellOrderId: 'bs1',
            reason: MODE_NOT_ALLOWED,
          },
        },
      ]);
      decide(book, [], 'd5');
      expect(book.placeNew(order({ orderId: 'b5', account: 'buyer-b', side: 'buy' }))).toEqual([
        rejected('b5'),
      ]);
      decide(book, ['continuous', 'auction', 'block'], 'd6');
      expect(book.placeNew(order({ orderId: 'b6', account: 'buyer-b', side: 'buy' }))[0]).toMatchObject({
        type: 'OrderAccepted',
      });
    });

    it('keeps the modes in force through a snapshot and rebuilds them by replaying the stream', () => {
      const live = new InstrumentBook(CQEA);
      const log = [
        ...live.placeNew(order({ orderId: 's7', account: 'seller-a', side: 'sell' })),
        ...decide(live, ['block'], 'd7'),
      ];
      const restored = InstrumentBook.restore(CQEA, JSON.parse(JSON.stringify(live.snapshot())));
      const replayed = new InstrumentBook(CQEA);
      log.forEach((e) => replayed.replay(e));
      for (const book of [live, restored, replayed])
        expect(book.placeNew(order({ orderId: 'b8', account: 'buyer-b', side: 'buy' }))).toEqual([
          rejected('b8'),
        ]);
      // A snapshot from before modes were kept restores the catalogue's.
      const { modes: _dropped, ...older } = JSON.parse(JSON.stringify(live.snapshot()));
      expect(
        InstrumentBook.restore(CQEA, older).placeNew(
          order({ orderId: 'b9', account: 'buyer-b', side: 'buy' }),
        )[0],
      ).toMatchObject({ type: 'OrderAccepted' });
    });
  });
});
