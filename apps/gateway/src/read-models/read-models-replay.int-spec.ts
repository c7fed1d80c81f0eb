import { BookEvent, bookStreamId, PlaceOrderMessage, TradeExecutedData } from '@app/contracts';
import { mulberry32 } from '@app/domain';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore, ProjectionRunner } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { InstrumentBook } from '../../../exchange/src/books/instrument-book';
import { readDepth } from '../book/book-depth.query';
import { GATEWAY_MIGRATIONS } from '../gateway.module';
import { BAR_INTERVALS, barStart } from '../market-data/bars/bar-intervals';
import { GatewayReadModels } from './gateway-read-models.projection';

jest.setTimeout(120_000);

const catalogue = InstrumentCatalogue.load('seeds');
const SYMBOLS = ['CQEA-2025', 'SCSO2'];
const START_MS = Date.parse('2026-11-24T09:30:00+08:00');

/** A seeded random market: limit and market orders around the reference, cancels of earlier orders. */
async function tradeRandomly(store: EventStore, commands: number) {
  const prng = mulberry32(20261124);
  const books = new Map(SYMBOLS.map((s) => [s, new InstrumentBook(catalogue.get(s)!)]));
  const placed = new Map<string, string[]>(SYMBOLS.map((s) => [s, []]));
  const trades: TradeExecutedData[] = [];
  for (let n = 0; n < commands; n++) {
    const symbol = SYMBOLS[prng.nextInt(SYMBOLS.length)];
    const book = books.get(symbol)!;
    const { referencePrice, tick } = book.instrument;
    const ids = placed.get(symbol)!;
    let events: BookEvent[];
    if (ids.length > 0 && prng.nextInt(5) === 0) {
      events = book.cancel(ids[prng.nextInt(ids.length)]);
    } else if (ids.length > 0 && prng.nextInt(6) === 0) {
      // A new price (perhaps crossing: it trades at once) and/or a new open quantity.
      const qty = 1 + prng.nextInt(50);
      const reprice = prng.nextInt(2) === 0;
      events = book.amend({
        commandId: `amend:${n}`,
        orderId: ids[prng.nextInt(ids.length)],
        instrument: symbol,
        ...(reprice ? { price: referencePrice + (prng.nextInt(21) - 10) * tick * 10 } : {}),
        qty,
        openQtySeen: qty,
        receivedAt: START_MS + n * 17_000,
      });
    } else {
      const orderId = `o${n}`;
      const market = prng.nextInt(10) === 0;
      const order: PlaceOrderMessage = {
        commandId: `place:${orderId}`,
        orderId,
        instrument: symbol,
        account: `m${prng.nextInt(6)}`,
        side: prng.nextInt(2) === 0 ? 'buy' : 'sell',
        type: market ? 'market' : 'limit',
        ...(market ? {} : { price: referencePrice + (prng.nextInt(21) - 10) * tick * 10 }),
        qty: 1 + prng.nextInt(50),
        tif: 'GTC',
        postOnly: false,
        // Spread over a few hours so every bar interval has several buckets.
        receivedAt: START_MS + n * 17_000,
      };
      ids.push(orderId);
      events = book.place(order);
    }
    if (events.length === 0) continue;
    const result = await store.append(bookStreamId(symbol), book.version, events);
    book.version = result.nextVersion;
    for (const e of events) if (e.type === 'TradeExecuted') trades.push(e.data);
  }
  return { books, trades };
}

async function dump(db: TestDatabase): Promise<string> {
  const q = (sql: string) => db.dataSource.query(sql);
  return JSON.stringify([
    await q('SELECT * FROM trades ORDER BY instrument, trade_no'),
    await q('SELECT * FROM orders_view ORDER BY order_id'),
    await q('SELECT * FROM bars ORDER BY instrument, interval, bucket_start'),
  ]);
}

describe('read models (trades, orders, depth, bars) rebuilt by replay (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let market: Awaited<ReturnType<typeof tradeRandomly>>;
  const projections = () => [new GatewayReadModels()];

  beforeAll(async () => {
    db = await createTestDatabase({
      entities: EVENT_STORE_ENTITIES,
      migrations: [...EVENT_STORE_MIGRATIONS, ...GATEWAY_MIGRATIONS],
    });
    store = new EventStore(db.dataSource, { notify: false });
    market = await tradeRandomly(store, 800);
    // Small, odd batches: bars and orders must come out the same however the log is cut.
    await new ProjectionRunner(db.dataSource, store, projections(), { batchSize: 37 }).catchUp();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('the random market traded, amended, left orders partially filled and cancelled', async () => {
    expect(market.trades.length).toBeGreaterThan(100);
    const [{ amended }] = await db.dataSource.query<{ amended: number }[]>(
      `SELECT count(*)::int AS amended FROM events WHERE type = 'OrderAmended'`,
    );
    expect(amended).toBeGreaterThan(20);
    const statuses: { status: string }[] = await db.dataSource.query(
      'SELECT DISTINCT status FROM orders_view ORDER BY status',
    );
    expect(statuses.map((s) => s.status)).toEqual(
      expect.arrayContaining(['cancelled', 'filled', 'open', 'partially-filled']),
    );
  });

  it('depth from the orders read model equals the matching engine’s book, level by level, after fills, cancels and amends', async () => {
    for (const [symbol, book] of market.books) {
      const engine = book.depth(20);
      const view = await readDepth(db.dataSource.manager, symbol, 20);
      expect(view.bids).toEqual(engine.bids.map((l) => ({ price: l.price, qty: l.qty, orders: l.orders })));
      expect(view.asks).toEqual(engine.asks.map((l) => ({ price: l.price, qty: l.qty, orders: l.orders })));
      expect(view.bids.length + view.asks.length).toBeGreaterThan(0);
    }
  });

  it('bars hold open, high, low, close, volume and turnover of the trades in each interval', async () => {
    const expected = new Map<
      string,
      {
        open: number;
        high: number;
        low: number;
        close: number;
        volume: number;
        turnover: number;
        trades: number;
      }
    >();
    for (const t of market.trades)
      for (const interval of BAR_INTERVALS) {
        const key = `${t.instrument}|${interval}|${barStart(interval, t.executedAt)}`;
        const bar = expected.get(key);
        if (!bar)
          expected.set(key, {
            open: t.price,
            high: t.price,
            low: t.price,
            close: t.price,
            volume: t.qty,
            turnover: t.price * t.qty,
            trades: 1,
          });
        else
          Object.assign(bar, {
            high: Math.max(bar.high, t.price),
            low: Math.min(bar.low, t.price),
            close: t.price,
            volume: bar.volume + t.qty,
            turnover: bar.turnover + t.price * t.qty,
            trades: bar.trades + 1,
          });
      }
    const rows: Record<string, string | number>[] = await db.dataSource.query('SELECT * FROM bars');
    const stored = new Map(
      rows.map((r) => [
        `${r.instrument}|${r.interval}|${r.bucket_start}`,
        {
          open: Number(r.open),
          high: Number(r.high),
          low: Number(r.low),
          close: Number(r.close),
          volume: Number(r.volume),
          turnover: Number(r.turnover),
          trades: Number(r.trades),
        },
      ]),
    );
    expect(stored).toEqual(expected);
    expect(new Set(rows.filter((r) => r.interval === '1m').map((r) => r.bucket_start)).size).toBeGreaterThan(
      10,
    );
  });

  it('dropping the read-model tables and replaying from position 0 gives identical rows', async () => {
    const before = await dump(db);
    const runner = db.dataSource.createQueryRunner();
    try {
      const migrations = GATEWAY_MIGRATIONS.map((M) => new M());
      for (const m of [...migrations].reverse()) await m.down(runner);
      for (const m of migrations) await m.up(runner);
    } finally {
      await runner.release();
    }
    await db.dataSource.query(`DELETE FROM projection_checkpoints WHERE name = 'gateway-read-models'`);
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM orders_view')).toEqual([{ n: 0 }]);

    await new ProjectionRunner(db.dataSource, store, projections(), { batchSize: 500 }).catchUp();
    expect(await dump(db)).toBe(before);
  });
});
