import type { OrderStore } from './order-store';

/**
 * One side of the book: price levels as integer slots in typed arrays, kept in an array sorted
 * so that the best level is last (the common insert/remove near the touch is a push/pop).
 * Each level owns an intrusive FIFO of order slots (head = oldest = first to trade).
 */
export class PriceLadder {
  price: Float64Array;
  qty: Float64Array;
  head: Int32Array;
  tail: Int32Array;
  count: Int32Array;
  /** Level slots sorted worst..best; `keys` holds the sort key (price for bids, -price for asks). */
  readonly sorted: number[] = [];
  private readonly keys: number[] = [];
  private readonly byPrice = new Map<number, number>();
  private capacity: number;
  private freeHead = -1;
  private top = 0;

  constructor(
    private readonly isBid: boolean,
    private readonly store: OrderStore,
    initialCapacity = 256,
  ) {
    this.capacity = initialCapacity;
    this.price = new Float64Array(initialCapacity);
    this.qty = new Float64Array(initialCapacity);
    this.head = new Int32Array(initialCapacity);
    this.tail = new Int32Array(initialCapacity);
    this.count = new Int32Array(initialCapacity);
  }

  /** Best level slot, or -1 when the side is empty. */
  best(): number {
    const n = this.sorted.length;
    return n === 0 ? -1 : this.sorted[n - 1];
  }

  levelCount(): number {
    return this.sorted.length;
  }

  /** Appends an order slot at the back of its price level's queue. */
  append(slot: number): void {
    const store = this.store;
    const p = store.price[slot];
    let lvl = this.byPrice.get(p);
    if (lvl === undefined) lvl = this.createLevel(p);
    const tail = this.tail[lvl];
    store.prev[slot] = tail;
    store.next[slot] = -1;
    store.level[slot] = lvl;
    if (tail < 0) this.head[lvl] = slot;
    else store.next[tail] = slot;
    this.tail[lvl] = slot;
    this.count[lvl]++;
    this.qty[lvl] += store.qty[slot];
  }

  /** Unlinks an order slot from its level (removing the level when it empties). */
  unlink(slot: number): void {
    const store = this.store;
    const lvl = store.level[slot];
    const prev = store.prev[slot];
    const next = store.next[slot];
    if (prev < 0) this.head[lvl] = next;
    else store.next[prev] = next;
    if (next < 0) this.tail[lvl] = prev;
    else store.prev[next] = prev;
    this.qty[lvl] -= store.qty[slot];
    if (--this.count[lvl] === 0) this.removeLevel(lvl);
  }

  /** Removes the level's head order after it filled completely (hot path of matching). */
  popHead(lvl: number): number {
    const store = this.store;
    const slot = this.head[lvl];
    const next = store.next[slot];
    this.head[lvl] = next;
    if (next < 0) this.tail[lvl] = -1;
    else store.prev[next] = -1;
    if (--this.count[lvl] === 0) this.removeLevel(lvl);
    return next;
  }

  private createLevel(p: number): number {
    let lvl = this.freeHead;
    if (lvl >= 0) this.freeHead = this.head[lvl];
    else {
      if (this.top === this.capacity) this.grow();
      lvl = this.top++;
    }
    this.price[lvl] = p;
    this.qty[lvl] = 0;
    this.head[lvl] = -1;
    this.tail[lvl] = -1;
    this.count[lvl] = 0;
    this.byPrice.set(p, lvl);
    const key = this.isBid ? p : -p;
    const keys = this.keys;
    const n = keys.length;
    if (n === 0 || keys[n - 1] < key) {
      keys.push(key);
      this.sorted.push(lvl);
    } else {
      const at = lowerBound(keys, key);
      insertAt(keys, at, key);
      insertAt(this.sorted, at, lvl);
    }
    return lvl;
  }

  private removeLevel(lvl: number): void {
    const p = this.price[lvl];
    this.byPrice.delete(p);
    const n = this.sorted.length;
    if (this.sorted[n - 1] === lvl) {
      this.sorted.pop();
      this.keys.pop();
    } else {
      const at = lowerBound(this.keys, this.isBid ? p : -p);
      removeAt(this.sorted, at);
      removeAt(this.keys, at);
    }
    this.head[lvl] = this.freeHead;
    this.freeHead = lvl;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const f = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.price = f(this.price);
    this.qty = f(this.qty);
    this.head = i(this.head);
    this.tail = i(this.tail);
    this.count = i(this.count);
    this.capacity = cap;
  }
}

function lowerBound(keys: number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In-place insert without `splice` (which allocates its result array). */
function insertAt(a: number[], at: number, value: number): void {
  let i = a.length;
  a.push(value);
  for (; i > at; i--) a[i] = a[i - 1];
  a[at] = value;
}

function removeAt(a: number[], at: number): void {
  const n = a.length - 1;
  for (let i = at; i < n; i++) a[i] = a[i + 1];
  a.pop();
}
