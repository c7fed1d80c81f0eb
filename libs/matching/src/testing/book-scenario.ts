import type { BookConfig } from '../core/book-config';
import type { MatchingEvent } from '../commands/matching-event';
import { OrderBookEngine } from '../order-book-engine';

/** A resting order row of a given/when/then table: [id, account, side, price, qty]. */
export type BookRow = [string, string, 'buy' | 'sell', number, number];

/** Given: a book (default rules unless overridden) holding these GTC orders, in this time order. */
export function givenBook(rows: BookRow[], config: Partial<BookConfig> = {}): OrderBookEngine {
  const engine = new OrderBookEngine({ instrument: 'T', ...config });
  for (const [id, account, side, price, qty] of rows) {
    const events = engine.apply({ type: 'limit', id, account, side, price, qty });
    if (events.some((e) => e.type !== 'accepted')) throw new Error(`setup order ${id} did not rest`);
  }
  return engine;
}

/** Then: trades as [taker, maker, price, qty] rows. */
export function tradesOf(events: MatchingEvent[]): [string, string, number, number][] {
  return events.flatMap((e) =>
    e.type === 'trade' ? [[e.taker, e.maker, e.price, e.qty] as [string, string, number, number]] : [],
  );
}

/** Then: the events without their sequence numbers, trades reduced to the spec's fields. */
export function eventsOf(events: MatchingEvent[]): unknown[] {
  return events.map(({ seq: _seq, ...e }) => e);
}

/** Then: the book as [price, qty, orders] rows per side, best first. */
export function bookOf(engine: OrderBookEngine): { bids: number[][]; asks: number[][] } {
  const d = engine.depth(100);
  return {
    bids: d.bids.map((l) => [l.price, l.qty, l.orders]),
    asks: d.asks.map((l) => [l.price, l.qty, l.orders]),
  };
}
