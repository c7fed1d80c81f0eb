/**
 * Resting orders as integer slots in parallel typed arrays (struct of arrays): no object per order,
 * an intrusive doubly linked FIFO per price level through `next`/`prev`, and a free list of slots.
 */
export class OrderStore {
  price: Float64Array;
  qty: Float64Array;
  next: Int32Array;
  prev: Int32Array;
  level: Int32Array;
  side: Uint8Array;
  tif: Uint8Array;
  ids: string[] = [];
  accounts: string[] = [];
  private capacity: number;
  private freeHead = -1;
  private top = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.price = new Float64Array(initialCapacity);
    this.qty = new Float64Array(initialCapacity);
    this.next = new Int32Array(initialCapacity);
    this.prev = new Int32Array(initialCapacity);
    this.level = new Int32Array(initialCapacity);
    this.side = new Uint8Array(initialCapacity);
    this.tif = new Uint8Array(initialCapacity);
  }

  alloc(id: string, account: string, side: number, price: number, qty: number, tif: number): number {
    let slot = this.freeHead;
    if (slot >= 0) {
      this.freeHead = this.next[slot];
    } else {
      if (this.top === this.capacity) this.grow();
      slot = this.top++;
    }
    this.ids[slot] = id;
    this.accounts[slot] = account;
    this.side[slot] = side;
    this.price[slot] = price;
    this.qty[slot] = qty;
    this.tif[slot] = tif;
    return slot;
  }

  release(slot: number): void {
    this.ids[slot] = '';
    this.accounts[slot] = '';
    this.qty[slot] = 0;
    this.next[slot] = this.freeHead;
    this.freeHead = slot;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    this.price = copyInto(new Float64Array(cap), this.price);
    this.qty = copyInto(new Float64Array(cap), this.qty);
    this.next = copyInto(new Int32Array(cap), this.next);
    this.prev = copyInto(new Int32Array(cap), this.prev);
    this.level = copyInto(new Int32Array(cap), this.level);
    this.side = copyInto(new Uint8Array(cap), this.side);
    this.tif = copyInto(new Uint8Array(cap), this.tif);
    this.capacity = cap;
  }
}

function copyInto<T extends Float64Array | Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source as never);
  return target;
}
