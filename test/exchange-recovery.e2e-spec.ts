import { randomBytes } from 'node:crypto';
import { bookStreamId, shardOf } from '@app/contracts';
import { mulberry32 } from '@app/domain';
import { EventStore } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { createTestDatabase, TestDatabase, testRedisUrl } from '@app/platform/testing';
import { BookCache } from '../apps/exchange/src/books/book-cache';
import { eventually } from './support/http';
import { ServiceProcesses } from './support/service-processes';
import { fundMember } from './support/members';

const SHARDS = 4;
const SENDERS = 6;
/** Orders acknowledged before the kill, and again after it. */
const PER_PHASE = 150;
const catalogue = InstrumentCatalogue.load('seeds');
/** One instrument per shard, so both workers have books under load when one is killed. */
const INSTRUMENTS = Array.from({ length: SHARDS }, (_, shard) =>
  catalogue.list().find((i) => shardOf(i.symbol, SHARDS) === shard)!,
);

interface SentOrder {
  orderId: string;
  instrument: string;
  side: 'buy' | 'sell';
  qty: number;
}

interface BookRow {
  stream_id: string;
  type: string;
  data: Record<string, unknown>;
  recorded_at: Date;
}

/**
 * A matching worker killed with SIGKILL under load: the gateway and two exchange workers run as
 * separate processes (`npm run build` first) on real PostgreSQL and Redis; the survivor takes the
 * dead worker's shards, rebuilds their books from snapshot + tail, and every acknowledged order
 * is in its book exactly once, with no trade numbered twice.
 */
describe('exchange recovery after a worker is SIGKILLed under load', () => {
  let db: TestDatabase;
  let store: EventStore;
  const processes = new ServiceProcesses();
  let gatewayUrl = '';

  const start = (app: 'gateway' | 'exchange' | 'registry', env: Record<string, string>) =>
    processes.start(app, env);

  /** Shards each exchange process holds, by pid, read from the advisory locks. */
  const shardsByPid = async (): Promise<Map<number, number[]>> => {
    const rows = (await db.dataSource.query(
      `SELECT split_part(a.application_name, ':', 2)::int AS pid, l.objid::int AS shard
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.mode = 'ExclusiveLock' AND l.granted AND l.objsubid = 2
          AND a.application_name LIKE 'exchange-shard-leases:%' AND a.datname = current_database()`,
    )) as { pid: number; shard: number }[];
    const out = new Map<number, number[]>();
    for (const { pid, shard } of rows) out.set(pid, [...(out.get(pid) ?? []), shard].sort());
    return out;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `recovery-${randomBytes(4).toString('hex')}`,
      EXCHANGE_SHARDS: String(SHARDS),
      EXCHANGE_SHARD_POLL_MS: '200',
      // Small, so the survivor restores from a snapshot and replays only a tail.
      EXCHANGE_SNAPSHOT_EVERY: '100',
    };
    const [gateway] = await Promise.all([start('gateway', env), start('exchange', env)]);
    gatewayUrl = gateway.url;
    // The registry: sellers' CQ/SC units enter through its custody.
    const [, registry] = await Promise.all([start('exchange', env), start('registry', env)]);
    store = new EventStore(db.dataSource, { listen: false });
    // Pre-trade risk: buyers hold cash and sellers hold units of every instrument traded.
    for (let n = 0; n < 3; n++) {
      await fundMember(gatewayUrl, `buyer-${n}`, { cash: 10_000_000_000_000 });
      await fundMember(gatewayUrl, `seller-${n}`, {
        units: Object.fromEntries(INSTRUMENTS.map((i) => [i.symbol, 100_000_000])),
        registryUrl: registry.url,
      });
    }
  }, 90_000);

  afterAll(async () => {
    await processes.stopAll();
    await store?.close();
    await db?.drop();
  });

  it('loses no acknowledged order and duplicates no trade', async () => {
    const split = await eventually(
      async () => {
        const held = await shardsByPid();
        return held.size === 2 && [...held.values()].every((s) => s.length === SHARDS / 2) ? held : undefined;
      },
      20_000,
      'the two workers to split the shards',
    );
    const [victimPid, victimShards] = [...split.entries()][0];
    const victim = processes.byPid(victimPid)!;

    const sent: SentOrder[] = [];
    const acknowledged: SentOrder[] = [];
    const refusals = new Map<number, number>();
    let sending = true;
    const sender = async (n: number) => {
      const prng = mulberry32(n + 1);
      for (let i = 0; sending; i++) {
        const instrument = INSTRUMENTS[prng.nextInt(INSTRUMENTS.length)];
        const side = prng.nextInt(2) === 0 ? 'buy' : 'sell';
        const order: SentOrder = {
          orderId: `r${n}-${i}`,
          instrument: instrument.symbol,
          side,
          qty: 1 + prng.nextInt(20),
        };
        const price =
          instrument.referencePrice + (side === 'buy' ? 1 : -1) * prng.nextInt(5) * instrument.tick;
        sent.push(order);
        try {
          const response = await fetch(`${gatewayUrl}/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              instrument: order.instrument,
              account: `${side === 'buy' ? 'buyer' : 'seller'}-${prng.nextInt(3)}`,
              side,
              price,
              qty: order.qty,
              clientOrderId: order.orderId,
            }),
          });
          await response.arrayBuffer();
          if (response.status === 202) acknowledged.push(order);
          else refusals.set(response.status, (refusals.get(response.status) ?? 0) + 1);
        } catch {
          // Not acknowledged: the client would retry with the same clientOrderId.
        }
      }
    };

    const senders = Array.from({ length: SENDERS }, (_, n) => sender(n));
    // Counted, not timed: the machine's speed varies, the load on both sides of the kill must not.
    await eventually(
      async () => (acknowledged.length >= PER_PHASE ? true : undefined),
      120_000,
      'orders before the kill',
    );
    const killedAt = new Date();
    victim.kill('SIGKILL');
    const ackedAtKill = acknowledged.length;
    await eventually(
      async () => (acknowledged.length >= ackedAtKill + PER_PHASE ? true : undefined),
      120_000,
      'orders after the kill',
    );
    sending = false;
    await Promise.all(senders);

    const ackedIds = new Set(acknowledged.map((o) => o.orderId));
    // A command in flight on the dead worker waits for the stalled-job check (shard queues: ~10-15 s).
    const rows = await eventually(
      async () => {
        const all = (await db.dataSource.query(
          `SELECT stream_id, type, data, recorded_at FROM events WHERE stream_id LIKE 'book-%'
            ORDER BY stream_id, stream_version`,
        )) as BookRow[];
        const decided = new Set(
          all.filter((r) => r.type === 'OrderAccepted' || r.type === 'OrderRejected').map(orderIdOf),
        );
        return [...ackedIds].every((id) => decided.has(id)) ? all : undefined;
      },
      120_000,
      'every acknowledged order to reach its book',
    );

    const decisions = rows.filter((r) => r.type === 'OrderAccepted' || r.type === 'OrderRejected');
    const timesDecided = new Map<string, number>();
    for (const r of decisions) timesDecided.set(orderIdOf(r), (timesDecided.get(orderIdOf(r)) ?? 0) + 1);
    const trades = rows.filter((r) => r.type === 'TradeExecuted');
    const filled = new Map<string, number>();
    for (const t of trades)
      for (const id of [t.data.buyOrderId, t.data.sellOrderId] as string[])
        filled.set(id, (filled.get(id) ?? 0) + (t.data.qty as number));
    const cancelled = new Map<string, number>();
    for (const c of rows.filter((r) => r.type === 'OrderCancelled'))
      cancelled.set(
        c.data.orderId as string,
        (cancelled.get(c.data.orderId as string) ?? 0) + (c.data.qty as number),
      );
    const victimSymbols = new Set(
      INSTRUMENTS.filter((i) => victimShards.includes(shardOf(i.symbol, SHARDS))).map((i) => i.symbol),
    );
    const recoveredAfterKill = decisions.filter(
      (r) => victimSymbols.has(r.stream_id.slice('book-'.length)) && r.recorded_at >= killedAt,
    ).length;
    const lost = acknowledged.filter((o) => !timesDecided.has(o.orderId)).length;

    process.stdout.write(
      `exchange recovery: ${sent.length} orders sent, ${acknowledged.length} acknowledged (${ackedAtKill} before the kill), ` +
        `${recoveredAfterKill} decided on the killed worker's shards after the kill, ${trades.length} trades, ` +
        `lost ${lost}; refused by status ${JSON.stringify(Object.fromEntries(refusals))}\n`,
    );

    expect(acknowledged.length).toBeGreaterThanOrEqual(2 * PER_PHASE);
    expect(recoveredAfterKill).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(acknowledged.filter((o) => timesDecided.get(o.orderId) !== 1)).toEqual([]);
    for (const instrument of INSTRUMENTS) {
      const numbers = trades
        .filter((t) => t.stream_id === bookStreamId(instrument.symbol))
        .map((t) => t.data.tradeNo as number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    const overfilled = acknowledged.filter(
      (o) => (filled.get(o.orderId) ?? 0) + (cancelled.get(o.orderId) ?? 0) > o.qty,
    );
    expect(overfilled).toEqual([]);

    // What the books hold now (snapshot + tail, as a new owner loads them) is what the events leave open.
    const books = new BookCache(store, catalogue);
    for (const instrument of INSTRUMENTS) {
      const accepted = rows.filter(
        (r) => r.stream_id === bookStreamId(instrument.symbol) && r.type === 'OrderAccepted',
      );
      const open = accepted.reduce((sum, r) => {
        const id = orderIdOf(r);
        return sum + (r.data.order as { qty: number }).qty - (filled.get(id) ?? 0) - (cancelled.get(id) ?? 0);
      }, 0);
      const depth = (await books.load(instrument.symbol)).depth(100_000);
      const resting = [...depth.bids, ...depth.asks].reduce((sum, level) => sum + level.qty, 0);
      expect(resting).toBe(open);
    }
  }, 420_000);
});

function orderIdOf(row: BookRow): string {
  return row.type === 'OrderAccepted'
    ? (row.data.order as { orderId: string }).orderId
    : (row.data.orderId as string);
}
