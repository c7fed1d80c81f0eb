import type { BookEvent, PlaceOrderMessage } from '@app/contracts';
import type { EventStore, StoredEvent, SubscribeOptions } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { InstrumentBook } from '../../../exchange/src/books/instrument-book';
import type { FeedMessage } from './feed-messages';
import { MarketFeed } from './market-feed';

const catalogue = InstrumentCatalogue.load('seeds');

/** An event store whose one subscription we feed by hand, with a matching engine writing the events. */
function harness() {
  let handler: SubscribeOptions['handler'] | undefined;
  const store = {
    subscribe: (options: SubscribeOptions) => {
      handler = options.handler;
      return {
        position: { transactionId: 0, globalPosition: 0 },
        done: new Promise(() => undefined),
        stop: async () => undefined,
      };
    },
  } as unknown as EventStore;
  const books = new Map<string, InstrumentBook>();
  let position = 0;
  const place = async (
    instrument: string,
    orderId: string,
    side: 'buy' | 'sell',
    price: number,
    qty: number,
  ) => {
    let book = books.get(instrument);
    if (!book) books.set(instrument, (book = new InstrumentBook(catalogue.get(instrument)!)));
    const order: PlaceOrderMessage = {
      commandId: `place:${orderId}`,
      orderId,
      instrument,
      account: `acct-${orderId}`,
      side,
      type: 'limit',
      price,
      qty,
      tif: 'GTC',
      postOnly: false,
      receivedAt: 1_000,
    };
    const events: BookEvent[] = book.place(order);
    const stored = events.map((e) => ({
      ...e,
      streamId: `book-${instrument}`,
      streamVersion: ++book.version,
      globalPosition: ++position,
      transactionId: position,
      metadata: {},
      recordedAt: new Date(0),
    })) as StoredEvent[];
    await handler!(stored);
  };
  return { feed: new MarketFeed(store), place };
}

const listener = (channels: ('depth' | 'trades')[]) => {
  const received: FeedMessage[] = [];
  return { received, channels: new Set(channels), send: (m: FeedMessage) => received.push(m) };
};

describe('MarketFeed', () => {
  it('sends a snapshot at the book version, then depth updates chained by prevSeq and the trades', async () => {
    const { feed, place } = harness();
    const subscribing = feed.subscribe('CQEA-2025', listener([]));
    await place('CQEA-2025', 's1', 'sell', 3600, 100);
    await subscribing;
    const client = listener(['depth', 'trades']);
    await feed.subscribe('CQEA-2025', client);
    await place('CQEA-2025', 'b1', 'buy', 3600, 40);
    await place('CQEA-2025', 'b2', 'buy', 3590, 10);

    const [snapshot, trade, depth1, depth2] = client.received;
    expect(snapshot).toEqual({
      type: 'snapshot',
      instrument: 'CQEA-2025',
      seq: 1,
      bids: [],
      asks: [[3600, 100, 1]],
    });
    expect(trade).toMatchObject({
      type: 'trade',
      seq: 3,
      tradeNo: 1,
      price: 3600,
      qty: 40,
      aggressor: 'buy',
    });
    expect(depth1).toMatchObject({ type: 'depth', prevSeq: 1, seq: 3, asks: [[3600, 60, 1]] });
    expect(depth2).toMatchObject({ type: 'depth', prevSeq: 3, seq: 4, bids: [[3590, 10, 1]], asks: [] });
    expect(client.received).toHaveLength(4);
  });

  it('sends each listener only its channels and only its instrument', async () => {
    const { feed, place } = harness();
    const tradesOnly = listener(['trades']);
    const other = listener(['depth', 'trades']);
    const first = feed.subscribe('SCEA-2025', tradesOnly);
    await place('SCEA-2025', 's1', 'sell', 4000, 10);
    await first;
    await feed.subscribe('CCER', other);
    await place('SCEA-2025', 'b1', 'buy', 4000, 10);
    expect(tradesOnly.received.map((m) => m.type)).toEqual(['trade']);
    expect(other.received.map((m) => m.type)).toEqual(['snapshot']);
  });

  it('stops sending to a listener that unsubscribed', async () => {
    const { feed, place } = harness();
    const client = listener(['depth']);
    const subscribing = feed.subscribe('CCER', client);
    await place('CCER', 's1', 'sell', 8000, 10);
    await subscribing;
    feed.unsubscribe('CCER', client);
    const count = client.received.length;
    await place('CCER', 's2', 'sell', 8010, 10);
    expect(client.received).toHaveLength(count);
  });
});
