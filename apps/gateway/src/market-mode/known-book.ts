import { isLinkedBook, linkedMembers } from '@app/domain';
import type { InstrumentCatalogue } from '@app/platform';

/** A book the market data may show: a listed instrument, or the linked book of a vintage both provinces list. */
export function isKnownBook(catalogue: InstrumentCatalogue, symbol: string): boolean {
  if (catalogue.get(symbol)) return true;
  if (!isLinkedBook(symbol)) return false;
  return linkedMembers(Number(symbol.slice('LINKED-EA-'.length))).every(
    (s) => catalogue.get(s) !== undefined,
  );
}
