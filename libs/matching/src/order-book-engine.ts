import { BUY, DAY, FOK, GTC, IOC, type RejectReason, type SessionState, type TifCode } from './core/codes';
import { type BookConfig, invalidConfigField, resolveConfig } from './core/book-config';
import { BookState } from './core/book-state';
import { canFillCompletely, matchIncoming, matchOutcome, wouldCross } from './core/continuous-matcher';
import type { EventSink } from './core/event-sink';
import { uncrossAuction } from './auction/uncross-auction';
import { changeSession } from './session/change-session';
import { reportBlockTrade } from './block/report-block-trade';
import { expireDayOrders } from './session/expire-day-orders';
import { depthOf, type DepthLevel } from './queries/depth';
import { type BookSnapshot, restoreBook, snapshotBook } from './snapshot/book-snapshot';
import type { MatchingCommand } from './commands/matching-command';
import type { MatchingEvent } from './commands/matching-event';
import { applyCommand } from './commands/apply-command';
import { CollectingSink } from './commands/collecting-sink';

const isQty = (v: number): boolean => Number.isSafeInteger(v) && v > 0;

/**
 * One instrument's order book: a pure, deterministic decider. Commands come in through the
 * primitive-argument methods (hot path, events to an `EventSink`) or `apply` (objects in and out).
 */
export class OrderBookEngine {
  private book: BookState;
  private readonly collector = new CollectingSink();

  constructor(config: BookConfig) {
    this.book = new BookState(resolveConfig(config));
  }

  get instrument(): string {
    return this.book.config.instrument;
  }

  get session(): SessionState {
    return this.book.session;
  }

  /** Sequence number of the last event this book produced. */
  get lastSeq(): number {
    return this.book.seq;
  }

  /** Limit order. `stp` is the numeric mode (0 cancel incoming, 1 cancel resting, 2 both; -1 = book default). */
  limit(
    id: string,
    account: string,
    side: number,
    price: number,
    qty: number,
    tif: TifCode,
    postOnly: boolean,
    sink: EventSink,
    stp = -1,
  ): void {
    const book = this.book;
    const reason = this.orderRejection(id, price, qty, true, (tif !== GTC && tif !== DAY) || postOnly);
    if (reason !== null) {
      sink.rejected(++book.seq, id, reason);
      return;
    }
    if (postOnly && book.session === 'continuous' && wouldCross(book, side, price)) {
      sink.rejected(++book.seq, id, 'post-only-would-trade');
      return;
    }
    sink.accepted(++book.seq, id);
    const mode = stp < 0 ? book.defaultStp : stp;
    if (tif === FOK && !canFillCompletely(book, account, side, price, qty, mode)) {
      book.ids.set(id, -1);
      sink.cancelled(++book.seq, id, qty, 'fok');
      return;
    }
    this.enter(id, account, side, price, qty, tif, mode, sink);
  }

  /** Market order: trades what it can inside the band; the remainder is cancelled. */
  market(id: string, account: string, side: number, qty: number, sink: EventSink, stp = -1): void {
    const book = this.book;
    const reason = this.orderRejection(id, 0, qty, false, true);
    if (reason !== null) {
      sink.rejected(++book.seq, id, reason);
      return;
    }
    sink.accepted(++book.seq, id);
    book.ids.set(id, -1);
    const limit = side === BUY ? book.bandHigh : book.bandLow;
    const mode = stp < 0 ? book.defaultStp : stp;
    const rem = matchIncoming(book, sink, id, account, side, limit, qty, mode);
    if (rem > 0) sink.cancelled(++book.seq, id, rem, matchOutcome.stoppedBySelfTrade ? 'stp' : 'market');
  }

  cancel(id: string, sink: EventSink): void {
    const book = this.book;
    const slot = book.liveSlot(id);
    if (slot < 0) {
      sink.rejected(++book.seq, id, id === '' ? 'bad-command' : 'unknown-order');
      return;
    }
    const qty = book.store.qty[slot];
    book.remove(slot);
    sink.cancelled(++book.seq, id, qty, 'user');
  }

  /** Amend price and/or remaining qty (undefined keeps the current value). */
  amend(id: string, price: number | undefined, qty: number | undefined, sink: EventSink): void {
    const book = this.book;
    const store = book.store;
    const slot = book.liveSlot(id);
    let reason: RejectReason | null = null;
    if (slot < 0) reason = id === '' ? 'bad-command' : 'unknown-order';
    else if (price !== undefined && !isQty(price)) reason = 'bad-price';
    else if (qty !== undefined && !isQty(qty)) reason = 'bad-qty';
    if (reason === null) {
      reason = this.ruleRejection(price ?? store.price[slot], qty ?? store.qty[slot], true, false);
    }
    if (reason !== null) {
      sink.rejected(++book.seq, id, reason);
      return;
    }
    const oldPrice = store.price[slot];
    const oldQty = store.qty[slot];
    const newPrice = price ?? oldPrice;
    const newQty = qty ?? oldQty;
    sink.amended(++book.seq, id, newPrice, newQty);
    if (newPrice === oldPrice && newQty <= oldQty) {
      store.qty[slot] = newQty;
      book.ladder(store.side[slot]).qty[store.level[slot]] -= oldQty - newQty;
      return;
    }
    const account = store.accounts[slot];
    const side = store.side[slot];
    const tif = store.tif[slot] as TifCode;
    book.remove(slot);
    this.enter(id, account, side, newPrice, newQty, tif, book.defaultStp, sink);
  }

  /** Moves the session state machine; auctions uncross on leaving pre-open and closing-auction. */
  setSession(to: SessionState, sink: EventSink): void {
    changeSession(this.book, to, sink);
  }

  /** Uncrosses the call auction now (pre-open or closing-auction only). */
  uncross(sink: EventSink): void {
    const book = this.book;
    if (book.session !== 'pre-open' && book.session !== 'closing-auction') {
      sink.rejected(++book.seq, '', 'bad-transition');
      return;
    }
    uncrossAuction(book, sink);
  }

  /** Negotiated trade reported by both parties; checked against the block band, never touches the book. */
  blockTrade(id: string, buyer: string, seller: string, price: number, qty: number, sink: EventSink): void {
    reportBlockTrade(this.book, id, buyer, seller, price, qty, sink);
  }

  /** Cancels every DAY order (reason `expired`), bids then asks, each in priority order. */
  expireDayOrders(sink: EventSink): void {
    expireDayOrders(this.book, sink);
  }

  /** Sets the reference price (re-centres the daily band); rejects a bad price. */
  setReferencePrice(price: number, sink: EventSink): void {
    if (!isQty(price)) {
      sink.rejected(++this.book.seq, '', 'bad-price');
      return;
    }
    this.book.config.referencePrice = price;
    this.book.refreshBand();
  }

  /**
   * Changes rules of a live book (tick, lot, min/max qty, reference price, bands); resting
   * orders stay. Returns false (and changes nothing) when a field is invalid.
   */
  configure(changes: Omit<BookConfig, 'instrument' | 'session'>): boolean {
    const c = this.book.config;
    const merged = { ...c, ...stripUndefined(changes) };
    const check = {
      ...merged,
      referencePrice: merged.referencePrice || undefined,
      bandBp: merged.bandBp < 0 ? undefined : merged.bandBp,
    };
    if (invalidConfigField(check) !== null) return false;
    Object.assign(c, merged);
    this.book.refreshBand();
    return true;
  }

  /** Emits `bad-command` for a command that could not be decoded (uses a sequence number). */
  rejectCommand(id: string, sink: EventSink): void {
    sink.rejected(++this.book.seq, id, 'bad-command');
  }

  /** Convenience path: one command object in, its events out (allocates; not for hot loops). */
  apply(command: MatchingCommand): MatchingEvent[] {
    this.collector.events = [];
    applyCommand(this, command as unknown as Record<string, unknown>, this.collector);
    return this.collector.events;
  }

  /** Top `levels` price levels per side, best first. */
  depth(levels = 10): { bids: DepthLevel[]; asks: DepthLevel[] } {
    return { bids: depthOf(this.book.bids, levels), asks: depthOf(this.book.asks, levels) };
  }

  /** Remaining quantity of a live order, or undefined. */
  remainingQty(id: string): number | undefined {
    const slot = this.book.liveSlot(id);
    return slot < 0 ? undefined : this.book.store.qty[slot];
  }

  snapshot(): BookSnapshot {
    return snapshotBook(this.book);
  }

  static restore(snapshot: BookSnapshot): OrderBookEngine {
    const engine = new OrderBookEngine({ instrument: snapshot.config.instrument });
    engine.book = new BookState({ ...snapshot.config });
    restoreBook(engine.book, snapshot);
    return engine;
  }

  private enter(
    id: string,
    account: string,
    side: number,
    price: number,
    qty: number,
    tif: number,
    stp: number,
    sink: EventSink,
  ): void {
    const book = this.book;
    if (book.session !== 'continuous') {
      book.rest(id, account, side, price, qty, tif);
      return;
    }
    const rem = matchIncoming(book, sink, id, account, side, price, qty, stp);
    if (rem === 0) {
      book.ids.set(id, -1);
    } else if (matchOutcome.stoppedBySelfTrade) {
      book.ids.set(id, -1);
      sink.cancelled(++book.seq, id, rem, 'stp');
    } else if (tif === IOC || tif === FOK) {
      book.ids.set(id, -1);
      sink.cancelled(++book.seq, id, rem, tif === IOC ? 'ioc' : 'fok');
    } else {
      book.rest(id, account, side, price, qty === rem ? qty : rem, tif);
    }
  }

  private orderRejection(
    id: string,
    price: number,
    qty: number,
    hasPrice: boolean,
    immediate: boolean,
  ): RejectReason | null {
    if (id === '') return 'bad-command';
    if (this.book.ids.has(id)) return 'duplicate-id';
    if (hasPrice && !isQty(price)) return 'bad-price';
    if (!isQty(qty)) return 'bad-qty';
    return this.ruleRejection(price, qty, hasPrice, immediate);
  }

  private ruleRejection(
    price: number,
    qty: number,
    hasPrice: boolean,
    immediate: boolean,
  ): RejectReason | null {
    const book = this.book;
    const c = book.config;
    const session = book.session;
    if (session !== 'continuous') {
      if (session === 'closed') return 'session-closed';
      if (session === 'halted') return 'session-halted';
      if (immediate) return 'not-allowed-in-auction';
    }
    // Skipping % for the usual tick/lot of 1 matters: floating-point modulo is slow on the hot path.
    if (hasPrice && c.tick !== 1 && price % c.tick !== 0) return 'off-tick';
    if (c.lot !== 1 && qty % c.lot !== 0) return 'off-lot';
    if (hasPrice && (price < book.bandLow || price > book.bandHigh)) return 'outside-band';
    if (qty < c.minQty) return 'below-min-qty';
    if (qty > c.maxQty) return 'above-max-qty';
    return null;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
