import { BUY, type SessionState } from './codes';
import { bandBounds, type ResolvedConfig } from './book-config';
import { OrderStore } from './order-store';
import { PriceLadder } from './price-ladder';
import { IdTable } from './id-table';
import { stpCode } from './stp-codes';

/**
 * The mutable state of one book: resting orders, both ladders, the id registry and the event
 * sequence. Every id ever accepted stays in `ids` (value -1 once it stops being live), so
 * `duplicate-id` holds for the book's lifetime.
 */
export class BookState {
  readonly store = new OrderStore();
  readonly bids = new PriceLadder(true, this.store);
  readonly asks = new PriceLadder(false, this.store);
  readonly ids: IdTable;
  seq = 0;
  session: SessionState;
  bandLow = 1;
  bandHigh = Number.MAX_SAFE_INTEGER;
  /** Numeric default STP mode (0 cancel incoming, 1 cancel resting, 2 both). */
  defaultStp = 0;

  constructor(readonly config: ResolvedConfig) {
    this.session = config.session;
    this.ids = new IdTable(powerOfTwoAtLeast(Math.min(config.capacityHint, 1 << 26) * 2));
    this.refreshBand();
  }

  refreshBand(): void {
    const c = this.config;
    [this.bandLow, this.bandHigh] = bandBounds(c.referencePrice, c.bandBp, c.tick);
    this.defaultStp = stpCode(c.stpMode);
  }

  /** Slot of a live order with this id, or -1. */
  liveSlot(id: string): number {
    if (id === '') return -1; // released slots hold '', and '' is never accepted
    return this.ids.getLive(id, this.store.ids);
  }

  ladder(side: number): PriceLadder {
    return side === BUY ? this.bids : this.asks;
  }

  /** Puts a new order at the back of its price level. */
  rest(id: string, account: string, side: number, price: number, qty: number, tif: number): number {
    const slot = this.store.alloc(id, account, side, price, qty, tif);
    this.ladder(side).append(slot);
    this.ids.set(id, slot);
    return slot;
  }

  /** Takes a live order out of the book (cancel, amend-with-loss-of-priority, expiry). */
  remove(slot: number): void {
    this.ladder(this.store.side[slot]).unlink(slot);
    this.store.release(slot);
  }

  /** Number of live orders (diagnostics). */
  liveOrderCount(): number {
    let n = 0;
    for (const ladder of [this.bids, this.asks]) {
      for (const lvl of ladder.sorted) n += ladder.count[lvl];
    }
    return n;
  }
}

function powerOfTwoAtLeast(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
