import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BookEvent, bookStreamId } from '@app/contracts';
import { EventStore } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { InstrumentBook } from './instrument-book';

/**
 * The books this worker owns, loaded on first use by replaying their streams. A book whose last
 * write failed is evicted and rebuilt from the store, the only state that counts.
 */
@Injectable()
export class BookCache {
  private readonly books = new Map<string, Promise<InstrumentBook>>();

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
      book = this.load(symbol, manager);
      this.books.set(symbol, book);
      book.catch(() => this.books.delete(symbol));
    }
    return book;
  }

  evict(symbol: string): void {
    this.books.delete(symbol);
  }

  private async load(symbol: string, manager?: EntityManager): Promise<InstrumentBook> {
    const instrument = this.catalogue.get(symbol);
    if (!instrument) throw new Error(`unknown instrument ${symbol}`);
    const book = new InstrumentBook(instrument);
    for (const event of await this.store.readStream(bookStreamId(symbol), { manager })) {
      book.replay(event as unknown as BookEvent);
      book.version = event.streamVersion;
    }
    return book;
  }
}
