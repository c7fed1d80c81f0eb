import { BUY, SIDE_NAMES } from './codes';
import type { BookState } from './book-state';
import type { EventSink } from './event-sink';

export const STP_CANCEL_INCOMING = 0;
export const STP_CANCEL_RESTING = 1;
export const STP_CANCEL_BOTH = 2;

/** Set by `matchIncoming` when self-trade prevention stopped the incoming order. */
export const matchOutcome = { stoppedBySelfTrade: false };

/**
 * Trades an incoming order against the opposite side in price-time priority, at the resting
 * orders' prices, until it is filled, the limit is reached or self-trade prevention stops it.
 * Returns the incoming order's remaining quantity.
 */
export function matchIncoming(
  book: BookState,
  sink: EventSink,
  id: string,
  account: string,
  side: number,
  limit: number,
  qty: number,
  stp: number,
): number {
  const store = book.store;
  const opp = side === BUY ? book.asks : book.bids;
  const aggressor = SIDE_NAMES[side];
  const isBuy = side === BUY;
  const selfCheck = account !== '';
  let rem = qty;
  matchOutcome.stoppedBySelfTrade = false;
  while (rem > 0) {
    const lvl = opp.best();
    if (lvl < 0) break;
    const price = opp.price[lvl];
    if (isBuy ? price > limit : price < limit) break;
    let o = opp.head[lvl];
    while (o >= 0 && rem > 0) {
      if (selfCheck && store.accounts[o] === account) {
        if (stp === STP_CANCEL_INCOMING) {
          matchOutcome.stoppedBySelfTrade = true;
          return rem;
        }
        const next = store.next[o];
        sink.cancelled(++book.seq, store.ids[o], store.qty[o], 'stp');
        const lastInLevel = opp.count[lvl] === 1;
        book.remove(o);
        if (stp === STP_CANCEL_BOTH) {
          matchOutcome.stoppedBySelfTrade = true;
          return rem;
        }
        if (lastInLevel) break;
        o = next;
        continue;
      }
      const resting = store.qty[o];
      const q = resting < rem ? resting : rem;
      rem -= q;
      opp.qty[lvl] -= q;
      sink.trade(++book.seq, id, store.ids[o], aggressor, price, q);
      if (q === resting) {
        const next = opp.popHead(lvl);
        store.release(o);
        o = next;
      } else {
        store.qty[o] = resting - q;
      }
    }
  }
  return rem;
}

/**
 * Whether a fill-or-kill order could trade its whole quantity now. Liquidity counts only up
 * to the first same-account order (which would stop it), or skips such orders when resting
 * orders are the ones cancelled.
 */
export function canFillCompletely(
  book: BookState,
  account: string,
  side: number,
  limit: number,
  qty: number,
  stp: number,
): boolean {
  const store = book.store;
  const opp = side === BUY ? book.asks : book.bids;
  const isBuy = side === BUY;
  const levels = opp.sorted;
  let sum = 0;
  for (let i = levels.length - 1; i >= 0; i--) {
    const lvl = levels[i];
    const price = opp.price[lvl];
    if (isBuy ? price > limit : price < limit) return false;
    for (let o = opp.head[lvl]; o >= 0; o = store.next[o]) {
      if (account !== '' && store.accounts[o] === account) {
        if (stp !== STP_CANCEL_RESTING) return false;
        continue;
      }
      sum += store.qty[o];
      if (sum >= qty) return true;
    }
  }
  return false;
}

/** Whether an order at `limit` would trade on arrival (post-only check): it crosses the touch. */
export function wouldCross(book: BookState, side: number, limit: number): boolean {
  const opp = side === BUY ? book.asks : book.bids;
  const lvl = opp.best();
  if (lvl < 0) return false;
  const best = opp.price[lvl];
  return side === BUY ? best <= limit : best >= limit;
}
