import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { BookEvent } from '@app/contracts';
import { EventStore, StoredEvent, Subscription } from '@app/event-store';
import { AmendEvent, DepthBook } from './depth-book';
import type { FeedChannel, FeedMessage } from './feed-messages';

export interface FeedListener {
  channels: ReadonlySet<FeedChannel>;
  send(message: FeedMessage): void;
}

const BATCH = 500;
/** How long a first subscriber waits for the feed to read the log up to its head. */
const CATCH_UP_WAIT_MS = 5_000;

/**
 * Depth and trades of every instrument, followed from the event log and fanned out to listeners.
 * It starts reading when the first client subscribes, so a gateway nobody watches pays nothing.
 * Every message carries the book stream's version, so a client can tell a gap and resubscribe.
 */
@Injectable()
export class MarketFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(MarketFeed.name);
  private readonly books = new Map<string, DepthBook>();
  private readonly published = new Map<string, number>();
  private readonly listeners = new Map<string, Set<FeedListener>>();
  private subscription?: Subscription;
  private caughtUp!: Promise<void>;
  private markCaughtUp!: () => void;

  constructor(private readonly store: EventStore) {}

  /** Adds a listener and sends it the full depth at the current version. */
  async subscribe(instrument: string, listener: FeedListener): Promise<void> {
    this.start();
    await Promise.race([this.caughtUp, delay(CATCH_UP_WAIT_MS)]);
    const book = this.book(instrument);
    let set = this.listeners.get(instrument);
    if (!set) this.listeners.set(instrument, (set = new Set()));
    set.add(listener);
    if (listener.channels.has('depth')) {
      const { bids, asks } = book.levels();
      listener.send({ type: 'snapshot', instrument, seq: book.version, bids, asks });
    }
  }

  unsubscribe(instrument: string, listener: FeedListener): void {
    this.listeners.get(instrument)?.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  private start(): void {
    if (this.subscription) return;
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
    this.subscription = this.store.subscribe({
      batchSize: BATCH,
      handler: (events) => this.onEvents(events),
    });
    this.subscription.done.catch((error: unknown) => {
      this.logger.error(`market feed stopped: ${String(error)}`);
      this.subscription = undefined;
    });
  }

  private onEvents(events: StoredEvent[]): void {
    const touched = new Map<string, FeedMessage[]>();
    for (const event of events) {
      if (!event.streamId.startsWith('book-')) continue;
      const instrument = event.streamId.slice('book-'.length);
      const book = this.book(instrument);
      if (!book.apply(event as unknown as BookEvent | AmendEvent, event.streamVersion)) {
        if (event.streamVersion > book.version)
          this.logger.error(`feed for ${instrument} skipped to version ${event.streamVersion}`);
        continue;
      }
      const trades = touched.get(instrument) ?? [];
      touched.set(instrument, trades);
      if (event.type === 'TradeExecuted') {
        const t = (event as unknown as Extract<BookEvent, { type: 'TradeExecuted' }>).data;
        trades.push({
          type: 'trade',
          instrument,
          seq: event.streamVersion,
          tradeNo: t.tradeNo,
          price: t.price,
          qty: t.qty,
          aggressor: t.aggressor,
          executedAt: t.executedAt,
        });
      }
    }
    for (const [instrument, trades] of touched) this.publish(instrument, trades);
    if (events.length < BATCH) this.markCaughtUp();
  }

  private publish(instrument: string, trades: FeedMessage[]): void {
    const book = this.book(instrument);
    const changes = book.takeChanges();
    const listeners = this.listeners.get(instrument);
    if (!listeners || listeners.size === 0) {
      this.published.set(instrument, book.version);
      return;
    }
    const changed = changes.bids.length + changes.asks.length > 0;
    const depth: FeedMessage | undefined = changed
      ? {
          type: 'depth',
          instrument,
          prevSeq: this.published.get(instrument) ?? 0,
          seq: book.version,
          ...changes,
        }
      : undefined;
    if (depth) this.published.set(instrument, book.version);
    for (const listener of listeners) {
      if (listener.channels.has('trades')) for (const t of trades) listener.send(t);
      if (depth && listener.channels.has('depth')) listener.send(depth);
    }
  }

  private book(instrument: string): DepthBook {
    let book = this.books.get(instrument);
    if (!book) this.books.set(instrument, (book = new DepthBook()));
    return book;
  }
}

/** A timer that does not keep the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
