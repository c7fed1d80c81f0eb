import { DAY } from '../core/codes';
import type { BookState } from '../core/book-state';
import type { EventSink } from '../core/event-sink';

/** Cancels all DAY orders with reason `expired`: bids then asks, best level first, FIFO within. */
export function expireDayOrders(book: BookState, sink: EventSink): void {
  const store = book.store;
  for (const ladder of [book.bids, book.asks]) {
    const doomed: number[] = [];
    for (let i = ladder.sorted.length - 1; i >= 0; i--) {
      for (let o = ladder.head[ladder.sorted[i]]; o >= 0; o = store.next[o]) {
        if (store.tif[o] === DAY) doomed.push(o);
      }
    }
    for (const o of doomed) {
      const id = store.ids[o];
      const qty = store.qty[o];
      book.remove(o);
      sink.cancelled(++book.seq, id, qty, 'expired');
    }
  }
}
