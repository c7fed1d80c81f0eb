import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { OrderBook, Side } from 'nodejs-order-book';
import { NullEventSink, OrderBookEngine } from '../src';

setFlagsFromString('--expose-gc');
/** Full GC: before a series of timed runs (not between them: see engine.bench.ts) and for heap figures. */
export const gc = runInNewContext('gc') as () => void;

function heapNow(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Heap bytes (JS heap + typed-array backing stores) per resting order, for a book of `n`
 * non-crossing orders over 2,000 price levels. Id and account strings are created before the
 * baseline (they belong to the caller), so this is the book's own cost.
 */
export function heapBytesPerRestingOrder(n: number): { ours: number; nodejsOrderBook: number } {
  const ids = Array.from({ length: n }, (_, i) => `r${i}`);
  const accounts = Array.from({ length: 500 }, (_, i) => `acct-${i}`);
  const priceOf = (i: number): number => (i % 2 === 0 ? 9_000 + (i % 1000) : 11_000 + (i % 1000));
  const sink = new NullEventSink();
  let before = heapNow();
  let ob: OrderBook | undefined = new OrderBook();
  for (let i = 0; i < n; i++) {
    ob.limit({ side: i % 2 === 0 ? Side.BUY : Side.SELL, id: ids[i], size: 10, price: priceOf(i) });
  }
  const theirs = (heapNow() - before) / n;
  if (ob.depth()[1].length === 0) throw new Error('nodejs-order-book rejected the orders');
  ob = undefined;
  before = heapNow();
  let engine: OrderBookEngine | undefined = new OrderBookEngine({ instrument: 'MEM' });
  for (let i = 0; i < n; i++) engine.limit(ids[i], accounts[i % 500], i % 2, priceOf(i), 10, 0, false, sink);
  const ours = (heapNow() - before) / n;
  if (engine.remainingQty('r0') !== 10) throw new Error('book lost an order');
  engine = undefined;
  return { ours, nodejsOrderBook: theirs };
}
