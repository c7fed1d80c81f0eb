import { OrderBookEngine } from './order-book-engine';
import { eventsOf, givenBook } from './testing/book-scenario';

describe('sessions', () => {
  it('a new book trades continuously', () => {
    expect(new OrderBookEngine({ instrument: 'S' }).session).toBe('continuous');
  });

  it('closed rejects orders (session-closed) but allows cancels', () => {
    const book = givenBook([['b1', 'a', 'buy', 100, 5]]);
    book.apply({ type: 'session', session: 'closed' });
    expect(book.apply({ type: 'limit', id: 'x', side: 'buy', price: 100, qty: 1 })[0]).toMatchObject({
      reason: 'session-closed',
    });
    expect(book.apply({ type: 'amend', id: 'b1', qty: 1 })[0]).toMatchObject({ reason: 'session-closed' });
    expect(book.apply({ type: 'cancel', id: 'b1' })[0]).toMatchObject({ type: 'cancelled', reason: 'user' });
  });

  it('halted rejects orders (session-halted) and resumes through an auction', () => {
    const book = givenBook([]);
    expect(eventsOf(book.apply({ type: 'session', session: 'halted' }))).toEqual([
      { type: 'session-changed', from: 'continuous', to: 'halted' },
    ]);
    expect(book.apply({ type: 'market', id: 'm', side: 'buy', qty: 1 })[0]).toMatchObject({
      reason: 'session-halted',
    });
    expect(book.apply({ type: 'session', session: 'continuous' })[0]).toMatchObject({
      reason: 'bad-transition',
    });
    book.apply({ type: 'session', session: 'pre-open' });
    expect(book.apply({ type: 'session', session: 'continuous' }).at(-1)).toMatchObject({ to: 'continuous' });
  });

  it('uncross outside an auction is rejected', () => {
    expect(givenBook([]).apply({ type: 'uncross' })[0]).toMatchObject({
      type: 'rejected',
      reason: 'bad-transition',
    });
  });

  it('expiring DAY orders cancels them (expired) and leaves GTC orders', () => {
    const book = givenBook([['g', 'a', 'buy', 99, 5]]);
    book.apply({ type: 'limit', id: 'd1', side: 'buy', price: 100, qty: 5, tif: 'DAY' });
    book.apply({ type: 'limit', id: 'd2', side: 'sell', price: 101, qty: 7, tif: 'DAY' });
    expect(eventsOf(book.apply({ type: 'expire-day' }))).toEqual([
      { type: 'cancelled', id: 'd1', qty: 5, reason: 'expired' },
      { type: 'cancelled', id: 'd2', qty: 7, reason: 'expired' },
    ]);
    expect(book.remainingQty('g')).toBe(5);
  });
});

describe('block trades (reference 1000: block band ±30% = 700..1300, minimum 100,000)', () => {
  const book = (): OrderBookEngine => givenBook([['b1', 'a', 'buy', 1000, 5]], { referencePrice: 1000 });
  const block = (id: string, price: number, qty: number) => ({
    type: 'block' as const,
    id,
    buyer: 'B',
    seller: 'S',
    price,
    qty,
  });

  it('a block inside the wide band is recorded without touching the book', () => {
    const b = book();
    expect(eventsOf(b.apply(block('k1', 1300, 100_000)))).toEqual([
      { type: 'block-trade', id: 'k1', buyer: 'B', seller: 'S', price: 1300, qty: 100_000 },
    ]);
    expect(b.depth().bids).toEqual([{ price: 1000, qty: 5, orders: 1 }]);
  });

  it.each([
    [1301, 100_000, 'outside-block-band'],
    [699, 100_000, 'outside-block-band'],
    [1000, 99_999, 'below-block-min-qty'],
    [1000.5, 100_000, 'bad-price'],
  ])('price %d qty %d is rejected (%s)', (price, qty, reason) => {
    expect(book().apply(block('k', price, qty))[0]).toMatchObject({ type: 'rejected', reason });
  });

  it('the reference price can move, re-centring both bands', () => {
    const b = book();
    b.apply({ type: 'reference-price', price: 2000 });
    expect(b.apply(block('k', 2500, 100_000))[0]).toMatchObject({ type: 'block-trade' });
  });
});
