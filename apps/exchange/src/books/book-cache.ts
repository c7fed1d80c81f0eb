import { Injectable } from '@nestjs/common';
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

  get(symbol: string): Promise<InstrumentBook> {
    let book = this.books.get(symbol);
    if (!book) {
      book = this.load(symbol);
      this.books.set(symbol, book);
      book.catch(() => this.books.delete(symbol));
    }
    return book;
  }

  evict(symbol: string): void {
    this.books.delete(symbol);
  }

  private async load(symbol: string): Promise<InstrumentBook> {
    const instrument = this.catalogue.get(symbol);
    if (!instrument) throw new Error(`unknown instrument ${symbol}`);
    const book = new InstrumentBook(instrument);
    for (const event of await this.store.readStream(bookStreamId(symbol))) {
      book.replay(event as unknown as BookEvent);
      book.version = event.streamVersion;
    }
    return book;
  }
}
