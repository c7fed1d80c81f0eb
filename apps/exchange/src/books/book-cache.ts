import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BookEvent, bookStreamId } from '@app/contracts';
import { EventStore } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { InstrumentBook, InstrumentBookSnapshot } from './instrument-book';
import { linkedBookDefinition } from './linked/linked-order';

/** Events read per round trip while a book catches up with its stream. */
const TAIL_PAGE = 5000;

/**
 * The books this worker owns, loaded on first use from the newest snapshot plus the events
 * after it. A book whose last write failed is evicted and rebuilt from the store, the only state
 * that counts.
 */
@Injectable()
export class BookCache {
  private readonly books = new Map<string, Promise<InstrumentBook>>();
  private readonly ready = new Map<string, InstrumentBook>();

  constructor(
    private readonly store: EventStore,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  /**
   * `manager` is the caller's open transaction: reading through it matters on the embedded
   * database, where a second connection would wait behind that transaction for ever.
   */
  get(symbol: string, manager?: EntityManager): Promise<InstrumentBook> {
    let book = this.books.get(symbol);
    if (!book) {
      const loading = this.load(symbol, manager);
      book = loading;
      this.books.set(symbol, loading);
      loading.then(
        (loaded) => {
          if (this.books.get(symbol) === loading) this.ready.set(symbol, loaded);
        },
        () => {
          if (this.books.get(symbol) === loading) this.books.delete(symbol);
        },
      );
    }
    return book;
  }

  /** The book if it is loaded, without loading it. */
  peek(symbol: string): InstrumentBook | undefined {
    return this.ready.get(symbol);
  }

  evict(symbol: string): void {
    this.books.delete(symbol);
    this.ready.delete(symbol);
  }

  /** Forgets every loaded book the predicate picks (e.g. those of a shard changing hands). */
  evictWhere(pick: (symbol: string) => boolean): void {
    for (const symbol of [...this.books.keys()]) if (pick(symbol)) this.evict(symbol);
  }

  /** Newest snapshot, then the tail of the stream after it; from the start when there is none. */
  async load(symbol: string, manager?: EntityManager): Promise<InstrumentBook> {
    const instrument =
      this.catalogue.get(symbol) ?? linkedBookDefinition(symbol, (s) => this.catalogue.get(s));
    if (!instrument) throw new Error(`unknown instrument ${symbol}`);
    const streamId = bookStreamId(symbol);
    const snapshot = await this.store.loadSnapshot<InstrumentBookSnapshot>(streamId, { manager });
    const book =
      snapshot?.state.format === 1 && snapshot.state.version === snapshot.version
        ? InstrumentBook.restore(instrument, snapshot.state)
        : new InstrumentBook(instrument);
    book.snapshotVersion = book.version;
    for (;;) {
      const page = await this.store.readStream(streamId, {
        fromVersion: book.version + 1,
        maxCount: TAIL_PAGE,
        manager,
      });
      for (const event of page) {
        book.replay(event as unknown as BookEvent);
        book.version = event.streamVersion;
      }
      if (page.length < TAIL_PAGE) return book;
    }
  }
}
