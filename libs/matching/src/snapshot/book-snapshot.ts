import type { SessionState } from '../core/codes';
import type { ResolvedConfig } from '../core/book-config';
import type { BookState } from '../core/book-state';

/** A live order as [id, account, side (0 buy, 1 sell), price, remaining qty, tif code]. */
export type SnapshotOrder = [string, string, number, number, number, number];

/** Plain JSON-serialisable state of one book. Orders are listed per side best level first, FIFO within. */
export interface BookSnapshot {
  version: 1;
  config: ResolvedConfig;
  session: SessionState;
  seq: number;
  /** Every id ever accepted that is no longer live (still blocks reuse). */
  deadIds: string[];
  bids: SnapshotOrder[];
  asks: SnapshotOrder[];
}

export function snapshotBook(book: BookState): BookSnapshot {
  const store = book.store;
  const sideOrders = (isBid: boolean): SnapshotOrder[] => {
    const ladder = isBid ? book.bids : book.asks;
    const out: SnapshotOrder[] = [];
    for (let i = ladder.sorted.length - 1; i >= 0; i--) {
      for (let o = ladder.head[ladder.sorted[i]]; o >= 0; o = store.next[o]) {
        out.push([
          store.ids[o],
          store.accounts[o],
          store.side[o],
          store.price[o],
          store.qty[o],
          store.tif[o],
        ]);
      }
    }
    return out;
  };
  const deadIds: string[] = [];
  book.ids.forEach((id) => {
    if (book.liveSlot(id) < 0) deadIds.push(id);
  });
  return {
    version: 1,
    config: { ...book.config },
    session: book.session,
    seq: book.seq,
    deadIds,
    bids: sideOrders(true),
    asks: sideOrders(false),
  };
}

/** Loads a snapshot into a fresh book built from `snapshot.config`. */
export function restoreBook(book: BookState, snapshot: BookSnapshot): void {
  book.session = snapshot.session;
  book.seq = snapshot.seq;
  for (const id of snapshot.deadIds) book.ids.set(id, -1);
  for (const [id, account, side, price, qty, tif] of [...snapshot.bids, ...snapshot.asks]) {
    book.rest(id, account, side, price, qty, tif);
  }
}
