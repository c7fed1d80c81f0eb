import { OrderBookEngine } from './order-book-engine';
import { bookOf, eventsOf, tradesOf } from './testing/book-scenario';

type Row = [string, 'buy' | 'sell', number, number];

function givenPreOpen(rows: Row[], referencePrice?: number): OrderBookEngine {
  const book = new OrderBookEngine({ instrument: 'A', session: 'pre-open', referencePrice });
  for (const [id, side, price, qty] of rows) {
    const events = book.apply({ type: 'limit', id, account: id, side, price, qty });
    expect(eventsOf(events)).toEqual([{ type: 'accepted', id }]);
  }
  return book;
}

describe('call auction', () => {
  describe('given a crossed pre-open book', () => {
    const rows: Row[] = [
      ['b1', 'buy', 102, 30],
      ['b2', 'buy', 101, 20],
      ['b3', 'buy', 100, 10],
      ['s1', 'sell', 99, 20],
      ['s2', 'sell', 101, 20],
      ['s3', 'sell', 103, 30],
    ];

    it('collects orders without matching', () => {
      const book = givenPreOpen(rows);
      expect(bookOf(book).bids[0]).toEqual([102, 30, 1]);
      expect(bookOf(book).asks[0]).toEqual([99, 20, 1]);
    });

    it('when the session opens, then it uncrosses at the max-volume price in price-time priority', () => {
      const book = givenPreOpen(rows);
      const events = book.apply({ type: 'session', session: 'continuous' });
      expect(eventsOf(events)[0]).toEqual({
        type: 'auction-uncrossed',
        price: 101,
        volume: 40,
        imbalance: 10,
      });
      expect(tradesOf(events)).toEqual([
        ['b1', 's1', 101, 20],
        ['b1', 's2', 101, 10],
        ['b2', 's2', 101, 10],
      ]);
      expect(eventsOf(events).at(-1)).toEqual({
        type: 'session-changed',
        from: 'pre-open',
        to: 'continuous',
      });
      expect(bookOf(book)).toEqual({
        bids: [
          [101, 10, 1],
          [100, 10, 1],
        ],
        asks: [[103, 30, 1]],
      });
    });
  });

  it('among equal volumes it picks the smallest imbalance', () => {
    const book = givenPreOpen([
      ['b1', 'buy', 101, 10],
      ['b2', 'buy', 100, 5],
      ['s1', 'sell', 100, 10],
    ]);
    expect(eventsOf(book.apply({ type: 'uncross' }))[0]).toEqual({
      type: 'auction-uncrossed',
      price: 101,
      volume: 10,
      imbalance: 0,
    });
  });

  it('then the price nearest the reference price, then the lower price', () => {
    const rows: Row[] = [
      ['b1', 'buy', 101, 10],
      ['s1', 'sell', 99, 10],
    ];
    expect(givenPreOpen(rows, 101).apply({ type: 'uncross' })[0]).toMatchObject({ price: 101 });
    expect(givenPreOpen(rows, 98).apply({ type: 'uncross' })[0]).toMatchObject({ price: 99 });
    expect(givenPreOpen(rows).apply({ type: 'uncross' })[0]).toMatchObject({ price: 99 });
  });

  it('an uncrossed book reports volume 0 and trades nothing', () => {
    const book = givenPreOpen([
      ['b1', 'buy', 99, 10],
      ['s1', 'sell', 101, 10],
    ]);
    expect(eventsOf(book.apply({ type: 'uncross' }))).toEqual([
      { type: 'auction-uncrossed', price: 0, volume: 0, imbalance: 0 },
    ]);
  });

  it('market, IOC, FOK and post-only orders are not allowed in an auction', () => {
    const book = givenPreOpen([]);
    expect(book.apply({ type: 'market', id: 'm', side: 'buy', qty: 1 })[0]).toMatchObject({
      reason: 'not-allowed-in-auction',
    });
    expect(
      book.apply({ type: 'limit', id: 'i', side: 'buy', price: 1, qty: 1, tif: 'IOC' })[0],
    ).toMatchObject({
      reason: 'not-allowed-in-auction',
    });
    expect(
      book.apply({ type: 'limit', id: 'p', side: 'buy', price: 1, qty: 1, postOnly: true })[0],
    ).toMatchObject({
      reason: 'not-allowed-in-auction',
    });
  });

  it('the closing auction uncrosses when the session closes', () => {
    const book = new OrderBookEngine({ instrument: 'A' });
    book.apply({ type: 'session', session: 'closing-auction' });
    book.apply({ type: 'limit', id: 'b', account: 'x', side: 'buy', price: 100, qty: 5 });
    book.apply({ type: 'limit', id: 's', account: 'y', side: 'sell', price: 100, qty: 3 });
    const events = eventsOf(book.apply({ type: 'session', session: 'closed' }));
    expect(events).toEqual([
      { type: 'auction-uncrossed', price: 100, volume: 3, imbalance: 2 },
      { type: 'trade', taker: 'b', maker: 's', aggressor: 'none', price: 100, qty: 3 },
      { type: 'session-changed', from: 'closing-auction', to: 'closed' },
    ]);
  });

  describe('self-trades in the uncross', () => {
    function preOpenWithAccounts(rows: [string, string, 'buy' | 'sell', number, number][]): OrderBookEngine {
      const book = new OrderBookEngine({ instrument: 'A', session: 'pre-open' });
      for (const [id, account, side, price, qty] of rows) {
        book.apply({ type: 'limit', id, account, side, price, qty });
      }
      return book;
    }

    it('fills same-account orders at the discovered price and flags exactly those trades', () => {
      const book = preOpenWithAccounts([
        ['b1', 'acct-x', 'buy', 101, 10],
        ['b2', 'acct-y', 'buy', 101, 10],
        ['s1', 'acct-x', 'sell', 100, 15],
        ['s2', '', 'sell', 100, 5],
      ]);
      const events = eventsOf(book.apply({ type: 'uncross' }));
      expect(events).toEqual([
        { type: 'auction-uncrossed', price: 100, volume: 20, imbalance: 0 },
        { type: 'trade', taker: 'b1', maker: 's1', aggressor: 'none', price: 100, qty: 10, selfTrade: true },
        { type: 'trade', taker: 'b2', maker: 's1', aggressor: 'none', price: 100, qty: 5 },
        { type: 'trade', taker: 'b2', maker: 's2', aggressor: 'none', price: 100, qty: 5 },
      ]);
    });

    it('does not flag orders without an account as trading with each other', () => {
      const book = preOpenWithAccounts([
        ['b1', '', 'buy', 100, 10],
        ['s1', '', 'sell', 100, 10],
      ]);
      const trades = book.apply({ type: 'uncross' }).filter((e) => e.type === 'trade');
      expect(trades).toHaveLength(1);
      expect(trades[0]).not.toHaveProperty('selfTrade');
    });

    it('leaves the clearing price as if the accounts were different', () => {
      const same = preOpenWithAccounts([
        ['b1', 'a', 'buy', 102, 10],
        ['s1', 'a', 'sell', 98, 10],
        ['s2', 'b', 'sell', 101, 4],
      ]);
      const different = preOpenWithAccounts([
        ['b1', 'a', 'buy', 102, 10],
        ['s1', 'c', 'sell', 98, 10],
        ['s2', 'b', 'sell', 101, 4],
      ]);
      expect(same.apply({ type: 'uncross' })[0]).toEqual(different.apply({ type: 'uncross' })[0]);
    });
  });
});
