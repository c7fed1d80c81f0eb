import { bookOf, eventsOf, givenBook, tradesOf } from './testing/book-scenario';

describe('continuous trading: price-time priority', () => {
  describe('given asks at 101 (s1 then s2) and 102 (s3)', () => {
    const rows = (): Parameters<typeof givenBook>[0] => [
      ['s1', 'a1', 'sell', 101, 10],
      ['s2', 'a2', 'sell', 101, 10],
      ['s3', 'a3', 'sell', 102, 10],
    ];

    it('when a buy 25 @ 102 arrives, then it fills best price first, oldest first, at the resting prices', () => {
      const book = givenBook(rows());
      const events = book.apply({ type: 'limit', id: 'b1', account: 'b', side: 'buy', price: 102, qty: 25 });
      expect(tradesOf(events)).toEqual([
        ['b1', 's1', 101, 10],
        ['b1', 's2', 101, 10],
        ['b1', 's3', 102, 5],
      ]);
      expect(bookOf(book)).toEqual({ bids: [], asks: [[102, 5, 1]] });
    });

    it('when a buy 30 @ 101 arrives, then the unfilled 10 rests as the best bid', () => {
      const book = givenBook(rows());
      const events = book.apply({ type: 'limit', id: 'b1', account: 'b', side: 'buy', price: 101, qty: 30 });
      expect(tradesOf(events)).toEqual([
        ['b1', 's1', 101, 10],
        ['b1', 's2', 101, 10],
      ]);
      expect(bookOf(book)).toEqual({ bids: [[101, 10, 1]], asks: [[102, 10, 1]] });
    });

    it('when a market buy 35 arrives, then it sweeps the book and the rest is cancelled (market)', () => {
      const book = givenBook(rows());
      const events = book.apply({ type: 'market', id: 'm1', account: 'b', side: 'buy', qty: 35 });
      expect(eventsOf(events)).toEqual([
        { type: 'accepted', id: 'm1' },
        { type: 'trade', taker: 'm1', maker: 's1', aggressor: 'buy', price: 101, qty: 10 },
        { type: 'trade', taker: 'm1', maker: 's2', aggressor: 'buy', price: 101, qty: 10 },
        { type: 'trade', taker: 'm1', maker: 's3', aggressor: 'buy', price: 102, qty: 10 },
        { type: 'cancelled', id: 'm1', qty: 5, reason: 'market' },
      ]);
    });

    it('when an IOC buy 15 @ 101 arrives, then 20 trade and the rest is cancelled (ioc)', () => {
      const book = givenBook(rows());
      const events = book.apply({
        type: 'limit',
        id: 'i1',
        account: 'b',
        side: 'buy',
        price: 101,
        qty: 25,
        tif: 'IOC',
      });
      expect(tradesOf(events)).toEqual([
        ['i1', 's1', 101, 10],
        ['i1', 's2', 101, 10],
      ]);
      expect(events.at(-1)).toMatchObject({ type: 'cancelled', id: 'i1', qty: 5, reason: 'ioc' });
      expect(book.remainingQty('i1')).toBeUndefined();
    });

    it('when a FOK buy 25 @ 101 arrives, then nothing trades (only 20 available) and it is cancelled (fok)', () => {
      const book = givenBook(rows());
      const events = book.apply({
        type: 'limit',
        id: 'f1',
        account: 'b',
        side: 'buy',
        price: 101,
        qty: 25,
        tif: 'FOK',
      });
      expect(eventsOf(events)).toEqual([
        { type: 'accepted', id: 'f1' },
        { type: 'cancelled', id: 'f1', qty: 25, reason: 'fok' },
      ]);
      expect(bookOf(book).asks).toEqual([
        [101, 20, 2],
        [102, 10, 1],
      ]);
    });

    it('when a FOK buy 30 @ 102 arrives, then it fills completely', () => {
      const book = givenBook(rows());
      const events = book.apply({
        type: 'limit',
        id: 'f1',
        account: 'b',
        side: 'buy',
        price: 102,
        qty: 30,
        tif: 'FOK',
      });
      expect(tradesOf(events).map((t) => t[3])).toEqual([10, 10, 10]);
    });

    it('when a post-only buy @ 101 arrives, then it is rejected; @ 100 it rests', () => {
      const book = givenBook(rows());
      expect(
        eventsOf(book.apply({ type: 'limit', id: 'p1', side: 'buy', price: 101, qty: 1, postOnly: true })),
      ).toEqual([{ type: 'rejected', id: 'p1', reason: 'post-only-would-trade' }]);
      expect(
        eventsOf(book.apply({ type: 'limit', id: 'p2', side: 'buy', price: 100, qty: 1, postOnly: true })),
      ).toEqual([{ type: 'accepted', id: 'p2' }]);
    });
  });
});

describe('self-trade prevention', () => {
  const rows = (): Parameters<typeof givenBook>[0] => [
    ['s1', 'x', 'sell', 101, 10],
    ['s2', 'me', 'sell', 101, 10],
    ['s3', 'x', 'sell', 102, 10],
  ];

  it('cancel incoming (default): trades before the own order stand, the rest is cancelled (stp), resting untouched', () => {
    const book = givenBook(rows());
    const events = book.apply({ type: 'limit', id: 'b1', account: 'me', side: 'buy', price: 102, qty: 25 });
    expect(tradesOf(events)).toEqual([['b1', 's1', 101, 10]]);
    expect(events.at(-1)).toMatchObject({ type: 'cancelled', id: 'b1', qty: 15, reason: 'stp' });
    expect(book.remainingQty('s2')).toBe(10);
    expect(book.remainingQty('b1')).toBeUndefined();
  });

  it('a FOK counts liquidity only up to the own order, so it never trades in part', () => {
    const book = givenBook(rows());
    const events = book.apply({
      type: 'limit',
      id: 'f1',
      account: 'me',
      side: 'buy',
      price: 102,
      qty: 15,
      tif: 'FOK',
    });
    expect(eventsOf(events)).toEqual([
      { type: 'accepted', id: 'f1' },
      { type: 'cancelled', id: 'f1', qty: 15, reason: 'fok' },
    ]);
  });

  it('an empty account never self-trades', () => {
    const book = givenBook([
      ['s1', '', 'sell', 101, 10],
      ['s2', '', 'sell', 101, 10],
    ]);
    expect(
      tradesOf(book.apply({ type: 'limit', id: 'b1', account: '', side: 'buy', price: 101, qty: 20 })),
    ).toHaveLength(2);
  });

  it('cancel resting: the own resting order is cancelled (stp) and matching continues', () => {
    const book = givenBook(rows());
    const events = book.apply({
      type: 'limit',
      id: 'b1',
      account: 'me',
      side: 'buy',
      price: 102,
      qty: 25,
      stp: 'cancel-resting',
    });
    expect(eventsOf(events).slice(1)).toEqual([
      { type: 'trade', taker: 'b1', maker: 's1', aggressor: 'buy', price: 101, qty: 10 },
      { type: 'cancelled', id: 's2', qty: 10, reason: 'stp' },
      { type: 'trade', taker: 'b1', maker: 's3', aggressor: 'buy', price: 102, qty: 10 },
    ]);
    expect(bookOf(book)).toEqual({ bids: [[102, 5, 1]], asks: [] });
  });

  it('cancel both: the own resting order and the incoming remainder are cancelled', () => {
    const book = givenBook(rows());
    const events = book.apply({
      type: 'limit',
      id: 'b1',
      account: 'me',
      side: 'buy',
      price: 102,
      qty: 25,
      stp: 'cancel-both',
    });
    expect(eventsOf(events).slice(2)).toEqual([
      { type: 'cancelled', id: 's2', qty: 10, reason: 'stp' },
      { type: 'cancelled', id: 'b1', qty: 15, reason: 'stp' },
    ]);
  });
});

describe('cancel and amend', () => {
  const rows = (): Parameters<typeof givenBook>[0] => [
    ['b1', 'a1', 'buy', 100, 10],
    ['b2', 'a2', 'buy', 100, 10],
    ['s1', 'a3', 'sell', 105, 10],
  ];

  it('cancel of a live order reports its remaining qty; a second cancel is unknown-order', () => {
    const book = givenBook(rows());
    expect(eventsOf(book.apply({ type: 'cancel', id: 'b1' }))).toEqual([
      { type: 'cancelled', id: 'b1', qty: 10, reason: 'user' },
    ]);
    expect(eventsOf(book.apply({ type: 'cancel', id: 'b1' }))).toEqual([
      { type: 'rejected', id: 'b1', reason: 'unknown-order' },
    ]);
  });

  it('lowering qty at the same price keeps time priority', () => {
    const book = givenBook(rows());
    expect(eventsOf(book.apply({ type: 'amend', id: 'b1', qty: 4 }))).toEqual([
      { type: 'amended', id: 'b1', price: 100, qty: 4 },
    ]);
    expect(tradesOf(book.apply({ type: 'market', id: 'm', side: 'sell', qty: 5 }))).toEqual([
      ['m', 'b1', 100, 4],
      ['m', 'b2', 100, 1],
    ]);
  });

  it('raising qty loses time priority', () => {
    const book = givenBook(rows());
    book.apply({ type: 'amend', id: 'b1', qty: 12 });
    expect(tradesOf(book.apply({ type: 'market', id: 'm', side: 'sell', qty: 5 }))).toEqual([
      ['m', 'b2', 100, 5],
    ]);
  });

  it('a new price that crosses trades at once, after the amended event', () => {
    const book = givenBook(rows());
    expect(eventsOf(book.apply({ type: 'amend', id: 'b2', price: 105, qty: 15 }))).toEqual([
      { type: 'amended', id: 'b2', price: 105, qty: 15 },
      { type: 'trade', taker: 'b2', maker: 's1', aggressor: 'buy', price: 105, qty: 10 },
    ]);
    expect(bookOf(book).bids).toEqual([
      [105, 5, 1],
      [100, 10, 1],
    ]);
  });
});
