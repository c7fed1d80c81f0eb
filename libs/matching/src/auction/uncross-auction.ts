import type { BookState } from '../core/book-state';
import type { EventSink } from '../core/event-sink';
import { findClearingPrice } from './clearing-price';

/**
 * Uncrosses a call auction: one price for every fill, buys in price-time priority against sells
 * in price-time priority. Emits `auction-uncrossed` (price, volume, imbalance at that price) and
 * then the trades (taker = buy order, maker = sell order, aggressor `none`). Self-trade
 * prevention does not apply in the auction (removing orders would change the price the
 * uncross discovers); a fill between two orders of the same account is flagged `selfTrade`.
 * Volume 0 reports price 0.
 */
export function uncrossAuction(book: BookState, sink: EventSink): void {
  const clearing = findClearingPrice(book);
  sink.auctionUncrossed(++book.seq, clearing.price, clearing.volume, clearing.imbalance);
  if (clearing.volume === 0) return;
  const store = book.store;
  const { bids, asks } = book;
  const price = clearing.price;
  let left = clearing.volume;
  while (left > 0) {
    const b = bids.best();
    const a = asks.best();
    const buy = bids.head[b];
    const sell = asks.head[a];
    const bq = store.qty[buy];
    const sq = store.qty[sell];
    let q = bq < sq ? bq : sq;
    if (q > left) q = left;
    left -= q;
    const account = store.accounts[buy];
    const selfTrade = account !== '' && account === store.accounts[sell];
    sink.trade(++book.seq, store.ids[buy], store.ids[sell], 'none', price, q, selfTrade);
    bids.qty[b] -= q;
    asks.qty[a] -= q;
    if (q === bq) {
      bids.popHead(b);
      store.release(buy);
    } else store.qty[buy] = bq - q;
    if (q === sq) {
      asks.popHead(a);
      store.release(sell);
    } else store.qty[sell] = sq - q;
  }
}
