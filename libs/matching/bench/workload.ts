import { NullEventSink, OrderBookEngine } from '../src';

/**
 * Seeded benchmark workload: ~60 % limit orders around a drifting mid, 25 % cancels of
 * earlier limit orders (mostly live), 10 % marketable market orders, 5 % IOC/FOK.
 * Everything is pre-generated so the timed loop does no allocation of its own.
 */
export const K_LIMIT = 0;
export const K_CANCEL = 1;
export const K_MARKET = 2;
export const K_IOC = 3;
export const K_FOK = 4;

export interface Workload {
  n: number;
  kind: Uint8Array;
  side: Uint8Array;
  price: Float64Array;
  qty: Float64Array;
  ids: string[];
  accounts: string[];
}

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateWorkload(n: number, seed = 42): Workload {
  const rnd = prng(seed);
  const w: Workload = {
    n,
    kind: new Uint8Array(n),
    side: new Uint8Array(n),
    price: new Float64Array(n),
    qty: new Float64Array(n),
    ids: new Array<string>(n),
    accounts: new Array<string>(n),
  };
  const accounts = Array.from({ length: 500 }, (_, i) => `acct-${i}`);
  const pool: string[] = [];
  // A shadow engine tells which earlier orders are still live, so cancels target live orders.
  const shadow = new OrderBookEngine({ instrument: 'BENCH' });
  const sink = new NullEventSink();
  let mid = 10_000;
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.05) mid += rnd() < 0.5 ? -1 : 1;
    if (mid < 200) mid = 200;
    const r = rnd();
    const side = rnd() < 0.5 ? 0 : 1;
    w.side[i] = side;
    w.accounts[i] = accounts[Math.floor(rnd() * accounts.length)];
    w.qty[i] = 1 + Math.floor(rnd() * 100);
    if (r < 0.25) {
      const target = takeLive(pool, rnd, shadow);
      if (target !== undefined) {
        w.kind[i] = K_CANCEL;
        w.ids[i] = target;
        shadow.cancel(target, sink);
        continue;
      }
    }
    w.ids[i] = `o${next++}`;
    if (r < 0.85) {
      // Passive around the mid, occasionally one tick through it.
      const offset = Math.floor(rnd() * 30) - 1;
      w.kind[i] = K_LIMIT;
      w.price[i] = side === 0 ? mid - offset : mid + offset;
      pool.push(w.ids[i]);
      shadow.limit(w.ids[i], w.accounts[i], side, w.price[i], w.qty[i], 0, false, sink);
    } else if (r < 0.95) {
      w.kind[i] = K_MARKET;
      shadow.market(w.ids[i], w.accounts[i], side, w.qty[i], sink);
    } else {
      w.kind[i] = rnd() < 0.5 ? K_IOC : K_FOK;
      w.price[i] = side === 0 ? mid + 3 : mid - 3;
      shadow.limit(
        w.ids[i],
        w.accounts[i],
        side,
        w.price[i],
        w.qty[i],
        w.kind[i] === K_IOC ? 2 : 3,
        false,
        sink,
      );
    }
  }
  return w;
}

function takeLive(pool: string[], rnd: () => number, shadow: OrderBookEngine): string | undefined {
  while (pool.length > 0) {
    const k = Math.floor(rnd() * pool.length);
    const id = pool[k];
    pool[k] = pool[pool.length - 1];
    pool.pop();
    if (shadow.remainingQty(id) !== undefined) return id;
  }
  return undefined;
}

/** The workload as engine-jsonl command lines (for CLI throughput runs). */
export function workloadLines(w: Workload): string[] {
  const lines: string[] = [];
  for (let i = 0; i < w.n; i++) {
    const side = w.side[i] === 0 ? 'buy' : 'sell';
    const id = w.ids[i];
    switch (w.kind[i]) {
      case K_CANCEL:
        lines.push(`{"type":"cancel","id":"${id}"}`);
        break;
      case K_MARKET:
        lines.push(
          `{"type":"market","id":"${id}","account":"${w.accounts[i]}","side":"${side}","qty":${w.qty[i]}}`,
        );
        break;
      default: {
        const tif = w.kind[i] === K_IOC ? ',"tif":"IOC"' : w.kind[i] === K_FOK ? ',"tif":"FOK"' : '';
        lines.push(
          `{"type":"limit","id":"${id}","account":"${w.accounts[i]}","side":"${side}","price":${w.price[i]},"qty":${w.qty[i]}${tif}}`,
        );
      }
    }
  }
  return lines;
}
