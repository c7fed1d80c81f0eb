import type { InstrumentCatalogue } from '@app/platform';
import type { BookCache } from '../book-cache';
import { InstrumentBook } from '../instrument-book';
import { linkedBookDefinition } from '../linked/linked-order';

/** A BookCache without a store, for specs: each book is created empty on first use. */
export function inMemoryBookCache(catalogue: InstrumentCatalogue): BookCache & { all(): InstrumentBook[] } {
  const books = new Map<string, InstrumentBook>();
  const get = (symbol: string) => {
    let book = books.get(symbol);
    if (!book) {
      const definition = catalogue.get(symbol) ?? linkedBookDefinition(symbol, (s) => catalogue.get(s));
      if (!definition) throw new Error(`unknown instrument ${symbol}`);
      books.set(symbol, (book = new InstrumentBook(definition)));
    }
    return book;
  };
  return {
    get: (symbol: string) => Promise.resolve(get(symbol)),
    peek: (symbol: string) => books.get(symbol),
    all: () => [...books.values()],
  } as unknown as BookCache & { all(): InstrumentBook[] };
}
