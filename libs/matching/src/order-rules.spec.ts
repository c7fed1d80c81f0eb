import { OrderBookEngine } from './order-book-engine';
import { bandBounds } from './core/book-config';
import { eventsOf, givenBook } from './testing/book-scenario';
import { CollectingSink } from './commands/collecting-sink';
import { BUY, GTC } from './core/codes';

const limit = (id: string, price: unknown, qty: unknown, extra: object = {}) =>
  ({ type: 'limit', id, account: 'a', side: 'buy', price, qty, ...extra }) as never;
const reasonOf = (book: OrderBookEngine, command: never): unknown =>
  (book.apply(command)[0] as { reason?: string }).reason;

describe('per-instrument rules (tick 5, lot 10, min 20, max 1000, reference 1000, band ±10%)', () => {
  const book = (): OrderBookEngine =>
    new OrderBookEngine({
      instrument: 'R',
      tick: 5,
      lot: 10,
      minQty: 20,
      maxQty: 1000,
      referencePrice: 1000,
      bandBp: 1000,
    });

  it.each([
    ['off the tick', limit('x', 1001, 100), 'off-tick'],
    ['off the lot', limit('x', 1000, 105), 'off-lot'],
    ['below the band', limit('x', 895, 100), 'outside-band'],
    ['above the band', limit('x', 1105, 100), 'outside-band'],
    ['below the minimum', limit('x', 1000, 10), 'below-min-qty'],
    ['above the maximum', limit('x', 1000, 1010), 'above-max-qty'],
    ['non-integer price', limit('x', 1000.5, 100), 'bad-price'],
    ['zero price', limit('x', 0, 100), 'bad-price'],
    ['unsafe price', limit('x', 2 ** 53, 100), 'bad-price'],
    ['string price', limit('x', '1000', 100), 'bad-price'],
    ['negative qty', limit('x', 1000, -10), 'bad-qty'],
    ['fractional qty', limit('x', 1000, 10.5), 'bad-qty'],
    ['unknown side', limit('x', 1000, 100, { side: 'hold' }), 'bad-command'],
    ['unknown tif', limit('x', 1000, 100, { tif: 'GTD' }), 'bad-command'],
    ['empty id', limit('', 1000, 100), 'bad-command'],
    ['unknown type', { type: 'stop', id: 'x' } as never, 'bad-command'],
  ])('given %s, then the order is rejected with its code', (_case, command, reason) => {
    expect(reasonOf(book(), command)).toBe(reason);
  });

  it('band bounds are the edges rounded inward to the tick, and the edges are accepted', () => {
    expect(bandBounds(1003, 1000, 5)).toEqual([905, 1100]);
    const b = new OrderBookEngine({ instrument: 'R', tick: 5, referencePrice: 1003, bandBp: 1000 });
    expect(reasonOf(b, limit('lo', 905, 1))).toBeUndefined();
    expect(reasonOf(b, limit('lo2', 900, 1))).toBe('outside-band');
    expect(reasonOf(b, limit('hi', 1100, 1))).toBeUndefined();
    expect(reasonOf(b, limit('hi2', 1105, 1))).toBe('outside-band');
  });

  it('the first reason in the spec order wins: bad-command, duplicate-id, bad-price, bad-qty, book rules', () => {
    const b = book();
    b.apply(limit('dup', 1000, 100));
    expect(reasonOf(b, limit('dup', 0, 0, { side: 'x' }))).toBe('bad-command');
    expect(reasonOf(b, limit('dup', 0, 0))).toBe('duplicate-id');
    expect(reasonOf(b, limit('n', 0, 0))).toBe('bad-price');
    expect(reasonOf(b, limit('n', 1001, 0))).toBe('bad-qty');
    expect(reasonOf(b, limit('n', 1001, 105))).toBe('off-tick');
  });

  it('an id stays used after its order filled or was cancelled; a rejected command does not use it', () => {
    const b = givenBook([['s1', 'x', 'sell', 100, 5]]);
    b.apply({ type: 'limit', id: 'b1', account: 'y', side: 'buy', price: 100, qty: 5 });
    expect(eventsOf(b.apply({ type: 'limit', id: 'b1', side: 'buy', price: 99, qty: 1 }))).toEqual([
      { type: 'rejected', id: 'b1', reason: 'duplicate-id' },
    ]);
    expect(reasonOf(b, limit('r1', -1, 5))).toBe('bad-price');
    expect(eventsOf(b.apply(limit('r1', 99, 5)))).toEqual([{ type: 'accepted', id: 'r1' }]);
  });

  it('market orders check qty rules but have no price', () => {
    expect(reasonOf(book(), { type: 'market', id: 'm', side: 'sell', qty: 15 } as never)).toBe('off-lot');
    expect(eventsOf(book().apply({ type: 'market', id: 'm', side: 'sell', qty: 20 }))).toEqual([
      { type: 'accepted', id: 'm' },
      { type: 'cancelled', id: 'm', qty: 20, reason: 'market' },
    ]);
  });

  it('amend is checked like a new order and keeps the order when rejected', () => {
    const b = book();
    b.apply(limit('o', 1000, 100));
    expect(reasonOf(b, { type: 'amend', id: 'o', price: 1200 } as never)).toBe('outside-band');
    expect(reasonOf(b, { type: 'amend', id: 'o', qty: 0 } as never)).toBe('bad-qty');
    expect(reasonOf(b, { type: 'amend', id: 'zz', qty: 10 } as never)).toBe('unknown-order');
    expect(b.remainingQty('o')).toBe(100);
  });

  it('configure changes rules of a live book and refuses invalid values', () => {
    const b = book();
    expect(b.configure({ referencePrice: 2000 })).toBe(true);
    expect(reasonOf(b, limit('x', 2100, 100))).toBeUndefined();
    expect(b.configure({ tick: 0 })).toBe(false);
  });

  it('the primitive (hot-path) methods reject an empty id as bad-command and never use it', () => {
    const b = givenBook([['s1', 'x', 'sell', 100, 5]]);
    const sink = new CollectingSink();
    b.limit('', 'y', BUY, 100, 5, GTC, false, sink);
    b.market('', 'y', BUY, 5, sink);
    b.blockTrade('', 'B', 'S', 100, 100_000, sink);
    b.limit('b1', 'y', BUY, 100, 5, GTC, false, sink); // fills s1: its slot is released
    b.cancel('', sink);
    b.amend('', 100, 1, sink);
    expect(sink.events.map((e) => (e.type === 'rejected' ? e.reason : e.type))).toEqual([
      'bad-command',
      'bad-command',
      'bad-command',
      'accepted',
      'trade',
      'bad-command',
      'bad-command',
    ]);
    expect(b.depth()).toEqual({ bids: [], asks: [] });
  });
});
