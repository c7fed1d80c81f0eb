import type { RejectReason } from '../core/codes';
import { bandBounds } from '../core/book-config';
import type { BookState } from '../core/book-state';
import type { EventSink } from '../core/event-sink';

const isPositiveInt = (v: number): boolean => Number.isSafeInteger(v) && v > 0;

/**
 * A negotiated (block) trade both parties report: checked against the wider block band around
 * the reference price and the block minimum, recorded as a `block-trade` event; the book is untouched.
 * The id shares the book's id space (`duplicate-id`).
 */
export function reportBlockTrade(
  book: BookState,
  id: string,
  buyer: string,
  seller: string,
  price: number,
  qty: number,
  sink: EventSink,
): void {
  const reason = blockRejection(book, id, price, qty);
  if (reason !== null) {
    sink.rejected(++book.seq, id, reason);
    return;
  }
  book.ids.set(id, -1);
  sink.blockTrade(++book.seq, id, buyer, seller, price, qty);
}

function blockRejection(book: BookState, id: string, price: number, qty: number): RejectReason | null {
  const c = book.config;
  if (id === '') return 'bad-command';
  if (book.ids.has(id)) return 'duplicate-id';
  if (!isPositiveInt(price)) return 'bad-price';
  if (!isPositiveInt(qty)) return 'bad-qty';
  if (book.session === 'closed') return 'session-closed';
  if (book.session === 'halted') return 'session-halted';
  if (price % c.tick !== 0) return 'off-tick';
  if (qty % c.lot !== 0) return 'off-lot';
  const [low, high] = bandBounds(c.referencePrice, c.blockBandBp, c.tick);
  if (price < low || price > high) return 'outside-block-band';
  if (qty < c.blockMinQty) return 'below-block-min-qty';
  return null;
}
