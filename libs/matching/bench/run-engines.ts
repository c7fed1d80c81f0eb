import { OrderBook, SelfTradePreventionMode, Side } from 'nodejs-order-book';
import { OrderBookEngine } from '../src';
import { CountingSink } from './bench-sinks';
import { K_CANCEL, K_FOK, K_IOC, K_LIMIT, K_MARKET, type Workload } from './workload';

export interface RunResult {
  seconds: number;
  events: number;
  traded: number;
  latenciesNs?: Float64Array;
}

/** Runs the workload through our engine; with `sampleEvery` > 0 also times single commands. */
export function runOurs(w: Workload, sampleEvery = 0, capacityHint?: number): RunResult {
  const engine = new OrderBookEngine({ instrument: 'BENCH', capacityHint });
  const sink = new CountingSink();
  const { kind, side, price, qty, ids, accounts, n } = w;
  const samples = sampleEvery > 0 ? new Float64Array(Math.ceil(n / sampleEvery)) : undefined;
  let s = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const timed = samples !== undefined && i % sampleEvery === 0;
    const a = timed ? process.hrtime.bigint() : 0n;
    switch (kind[i]) {
      case K_LIMIT:
        engine.limit(ids[i], accounts[i], side[i], price[i], qty[i], 0, false, sink);
        break;
      case K_CANCEL:
        engine.cancel(ids[i], sink);
        break;
      case K_MARKET:
        engine.market(ids[i], accounts[i], side[i], qty[i], sink);
        break;
      case K_IOC:
        engine.limit(ids[i], accounts[i], side[i], price[i], qty[i], 2, false, sink);
        break;
      case K_FOK:
        engine.limit(ids[i], accounts[i], side[i], price[i], qty[i], 3, false, sink);
        break;
    }
    if (timed) samples[s++] = Number(process.hrtime.bigint() - a);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, events: sink.events, traded: sink.traded, latenciesNs: samples?.subarray(0, s) };
}

/** Same workload through nodejs-order-book, with accounts and expire-taker STP like ours. */
export function runNodejsOrderBook(w: Workload): RunResult {
  const ob = new OrderBook();
  const { kind, side, price, qty, ids, accounts, n } = w;
  const stpMode = SelfTradePreventionMode.EXPIRE_TAKER;
  let traded = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const s = side[i] === 0 ? Side.BUY : Side.SELL;
    switch (kind[i]) {
      case K_LIMIT:
        ob.limit({ side: s, id: ids[i], size: qty[i], price: price[i], accountId: accounts[i], stpMode });
        break;
      case K_CANCEL:
        ob.cancel(ids[i]);
        break;
      case K_MARKET:
        traded += ob.market({ side: s, size: qty[i], accountId: accounts[i], stpMode }).done.length;
        break;
      case K_IOC:
        ob.limit({
          side: s,
          id: ids[i],
          size: qty[i],
          price: price[i],
          timeInForce: 'IOC' as never,
          accountId: accounts[i],
          stpMode,
        });
        break;
      case K_FOK:
        ob.limit({
          side: s,
          id: ids[i],
          size: qty[i],
          price: price[i],
          timeInForce: 'FOK' as never,
          accountId: accounts[i],
          stpMode,
        });
        break;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, events: 0, traded };
}
