/** `get` result for an id never seen. */
export const ABSENT = -2;
/** Value of an id that was used but is no longer live. */
export const DEAD = -1;

/**
 * Every order id a book ever accepted, mapped to its live slot (or DEAD). Ids are never removed
 * (duplicate-id holds forever), so this is an insert-only open-addressing table with linear
 * probing. The 32-bit hash is stored beside each key so probes rarely touch the strings:
 * with a million ids a V8 Map spent most of the command's time on cache misses comparing keys.
 */
export class IdTable {
  /** Interleaved [hash, value] per cell, so one cache line serves the probe and the read. */
  private cells: Int32Array;
  private keys: string[];
  private mask: number;
  private count = 0;
  /**
   * The last key looked up, its hash and its cell (>= 0) or `-1 - emptyCell` when absent: the
   * engine checks an id (duplicate) and then records it, so `set` right after `has`/`get` of
   * the same key skips the second hash and probe. Any insert moves or invalidates it.
   */
  private memoKey: string | null = null;
  private memoHash = 0;
  private memoCell = 0;

  constructor(initialCapacity = 1 << 12) {
    this.cells = new Int32Array(initialCapacity * 2);
    this.keys = new Array<string>(initialCapacity);
    this.mask = initialCapacity - 1;
  }

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    return this.lookUp(key) >= 0;
  }

  /** Slot (>= 0), DEAD or ABSENT. */
  get(key: string): number {
    const i = this.lookUp(key);
    return i < 0 ? ABSENT : this.cells[2 * i + 1];
  }

  /**
   * Live slot of `key` (>= 0) or -1, given the owner's slot → live id array. A cell whose value is
   * a slot holding this very id answers without reading `keys` (one cache miss fewer on cancel);
   * any id lives in at most one slot, so that answer is right even after a 32-bit hash collision.
   */
  getLive(key: string, liveIds: readonly string[]): number {
    const h = hashOf(key);
    const cells = this.cells;
    const mask = this.mask;
    this.memoKey = null;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const hh = cells[2 * i];
      if (hh === 0) return -1;
      if (hh !== h) continue;
      const v = cells[2 * i + 1];
      if (v >= 0 && liveIds[v] === key) return v;
      if (this.keys[i] === key) return -1;
    }
  }

  set(key: string, value: number): void {
    const i = key === this.memoKey ? this.memoCell : this.lookUp(key);
    const cells = this.cells;
    if (i >= 0) {
      cells[2 * i + 1] = value;
      return;
    }
    const empty = -1 - i;
    cells[2 * empty] = this.memoHash;
    cells[2 * empty + 1] = value;
    this.keys[empty] = key;
    this.memoCell = empty;
    if (++this.count * 2 > this.mask) this.grow();
  }

  /** Average number of 8-cell blocks (cache lines) probed to find each key (diagnostics, tests). */
  averageProbeLength(): number {
    let total = 0;
    const mask = this.mask;
    for (let i = 0; i <= mask; i++) {
      const h = this.cells[2 * i];
      if (h !== 0) total += (((i - (h & mask) + mask + 1) & mask) + (h & mask & 7)) >>> 3;
      if (h !== 0) total += 1;
    }
    return this.count === 0 ? 0 : total / this.count;
  }

  forEach(fn: (key: string, value: number) => void): void {
    for (let i = 0; i <= this.mask; i++) if (this.cells[2 * i] !== 0) fn(this.keys[i], this.cells[2 * i + 1]);
  }

  /** Cell of `key`, or `-1 - cell` of the empty cell where it would go; remembered in the memo. */
  private lookUp(key: string): number {
    const h = hashOf(key);
    const cells = this.cells;
    const mask = this.mask;
    let i = h & mask;
    for (;;) {
      const hh = cells[2 * i];
      if (hh === 0) {
        i = -1 - i;
        break;
      }
      if (hh === h && this.keys[i] === key) break;
      i = (i + 1) & mask;
    }
    this.memoKey = key;
    this.memoHash = h;
    this.memoCell = i;
    return i;
  }

  private grow(): void {
    const old = this.cells;
    const oldKeys = this.keys;
    const oldCap = this.mask + 1;
    const cap = oldCap * 2;
    const mask = cap - 1;
    const cells = new Int32Array(cap * 2);
    const keys = new Array<string>(cap);
    for (let j = 0; j < oldCap; j++) {
      const h = old[2 * j];
      if (h === 0) continue;
      let i = h & mask;
      while (cells[2 * i] !== 0) i = (i + 1) & mask;
      cells[2 * i] = h;
      cells[2 * i + 1] = old[2 * j + 1];
      keys[i] = oldKeys[j];
    }
    this.cells = cells;
    this.keys = keys;
    this.mask = mask;
    this.memoKey = null;
  }
}

/**
 * FNV-1a, except that the low 3 bits of the last character pick the cell inside an aligned
 * block of 8 (one 64-byte line of cells): ids that differ only there (o1230..o1237) share a
 * cache line, which made the benchmark ~40 % faster than plain FNV-1a. Everything else is mixed,
 * so nothing clusters: a locality-preserving polynomial hash (tried first) made a million
 * base-36 ids take minutes. `id-table.spec.ts` checks probe lengths for several id styles.
 * Never 0 (0 marks an empty cell).
 */
export function hashOf(s: string): number {
  const n = s.length - 1;
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  const last = n >= 0 ? s.charCodeAt(n) : 0;
  h = Math.imul(h ^ (last >>> 3), 0x01000193);
  h ^= h >>> 15;
  h = (h & ~7) | (last & 7);
  return h === 0 ? 1 : h;
}
