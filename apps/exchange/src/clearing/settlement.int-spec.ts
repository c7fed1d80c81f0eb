import type { DataSource, EntityManager } from 'typeorm';
import {
  ClearingLedger,
  depositCash,
  depositUnits,
  registerMember,
  reserveForAmendment,
  type ClearingEvent,
} from '@app/clearing';
import { bookStreamId, type BookEvent, type PlaceOrderMessage } from '@app/contracts';
import { DomainError, mulberry32 } from '@app/domain';
import { EventStore } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { Outbox } from '@app/messaging';
import type { AppConfig } from '@app/platform';
import { OrderReservations } from '../../../gateway/src/accounts/order-reservations';
import { AmendOrderController } from '../../../gateway/src/orders/amend-order/amend-order.controller';
import { ALL_MIGRATIONS } from '../../../gateway/src/gateway.app';
import { InstrumentBook } from '../books/instrument-book';
import { AmendmentCover } from './amendment-cover';
import { rebuildClearingRows } from './clearing-replay';
import { ClearingStore } from './clearing-store';
import { memberStreamId } from './clearing-streams';
import { SettlementService } from './settlement.service';

const catalogue = InstrumentCatalogue.load('seeds');
const CQEA = catalogue.get('CQEA-2025')!;
const FEES = { buyerBp: 10, sellerBp: 10 };
const MEMBERS = ['buyer-a', 'seller-b', 'trader-c'];
const CASH = 50_000_000;
const UNITS = 20_000;

describe('reservation and settlement transactions (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  let clearing: ClearingStore;
  let reservations: OrderReservations;
  let settlement: SettlementService;
  let book: InstrumentBook;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: ALL_MIGRATIONS });
    ds = db.dataSource;
    store = new EventStore(ds, { listen: false });
    clearing = new ClearingStore(store);
    reservations = new OrderReservations(clearing, FEES);
    settlement = new SettlementService(clearing);
    book = new InstrumentBook(CQEA);
    await ds.transaction(async (manager) => {
      const ledger = new ClearingLedger();
      const events: { stream: string; event: ClearingEvent }[] = [];
      const add = (list: ClearingEvent[], member: string) => {
        ledger.apply(list);
        for (const event of list) events.push({ stream: memberStreamId(member), event });
      };
      for (const m of MEMBERS) {
        add(registerMember(ledger, { member: m, name: m, jurisdiction: 'CQ' }), m);
        add(depositCash(ledger, m, CASH, `wire-${m}`), m);
        add(depositUnits(ledger, m, CQEA.symbol, UNITS, `reg-${m}`), m);
      }
      await clearing.write(manager, ledger, events);
    });
  });
  afterAll(() => db?.drop());

  /** What the gateway's PlaceOrder does: reserve, then (here, at once) what the book worker does. */
  async function place(
    account: string,
    side: 'buy' | 'sell',
    price: number,
    qty: number,
    crash?: 'after-append',
  ): Promise<string> {
    const orderId = `o${++n}`;
    const [refused] = await ds.transaction((manager) =>
      reservations.reserve(manager, [{ orderId, account, side, price, qty, instrument: CQEA }]),
    );
    if (refused) throw refused;
    const message: PlaceOrderMessage = {
      commandId: `place:${orderId}`,
      orderId,
      instrument: CQEA.symbol,
      account,
      side,
      type: 'limit',
      price,
      qty,
      tif: 'GTC',
      postOnly: false,
      receivedAt: 0,
    };
    await work((b) => b.place(message), crash);
    return orderId;
  }

  /** The book worker's transaction: book events appended and settled together. */
  async function work(
    command: (b: InstrumentBook) => ReturnType<InstrumentBook['place']>,
    crash?: 'after-append',
  ): Promise<void> {
    try {
      await ds.transaction(async (manager: EntityManager) => {
        const events = command(book);
        const result = await store.append(bookStreamId(CQEA.symbol), book.version, events, { manager });
        if (crash === 'after-append') throw new Error('injected crash after the book append');
        await settlement.apply(events, manager);
        book.version = result.nextVersion;
      });
    } catch (error) {
      // As the worker does: forget the uncommitted book and rebuild it from the stream.
      book = new InstrumentBook(CQEA);
      for (const e of await store.readStream(bookStreamId(CQEA.symbol))) {
        book.replay(e as never);
        book.version = e.streamVersion;
      }
      throw error;
    }
  }

  async function totals() {
    const [cash] = await ds.query(
      'SELECT sum(available + reserved)::bigint AS total, min(available) AS min_a, min(reserved) AS min_r FROM clearing_cash',
    );
    const [fees] = await ds.query('SELECT coalesce(sum(collected), 0)::bigint AS total FROM clearing_fees');
    const [units] = await ds.query(
      'SELECT sum(available + reserved)::bigint AS total FROM clearing_holdings',
    );
    return { cash: Number(cash.total), fees: Number(fees.total), units: Number(units.total) };
  }

  const positions = async (member: string) => {
    const [cash] = await ds.query(
      'SELECT available::int, reserved::int FROM clearing_cash WHERE member_id = $1',
      [member],
    );
    const [units] = await ds.query(
      'SELECT available::int, reserved::int FROM clearing_holdings WHERE member_id = $1 AND instrument = $2',
      [member, CQEA.symbol],
    );
    return { cash, units };
  };

  it('a crossing pair settles delivery versus payment, fees booked, improvement released', async () => {
    await place('seller-b', 'sell', 3600, 100);
    await place('buyer-a', 'buy', 3650, 100);
    expect(await positions('buyer-a')).toEqual({
      cash: { available: CASH - 360_000 - 360, reserved: 0 },
      units: { available: UNITS + 100, reserved: 0 },
    });
    expect(await positions('seller-b')).toEqual({
      cash: { available: CASH + 360_000 - 360, reserved: 0 },
      units: { available: UNITS - 100, reserved: 0 },
    });
    expect(await totals()).toEqual({ cash: 3 * CASH - 720, fees: 720, units: 3 * UNITS });
    expect(await ds.query('SELECT count(*)::int AS n FROM clearing_orders')).toEqual([{ n: 0 }]);
    // The seller's running total of units sold (what the free-allocation sell limit reads).
    expect(await ds.query('SELECT member_id, instrument, sold::int FROM clearing_sales')).toEqual([
      { member_id: 'seller-b', instrument: CQEA.symbol, sold: 100 },
    ]);
  });

  it('more than the member holds is refused with the field, and nothing is reserved', async () => {
    const before = await positions('trader-c');
    await expect(place('trader-c', 'sell', 3600, UNITS + 1)).rejects.toMatchObject({
      code: 'CLEARING.INSUFFICIENT_UNITS',
      details: expect.objectContaining({ field: 'qty' }),
    });
    await expect(place('trader-c', 'buy', 3600, 99_999)).rejects.toBeInstanceOf(DomainError);
    expect(await positions('trader-c')).toEqual(before);
  });

  it('a crash after the book append leaves the book, cash and units as they were; the retry settles', async () => {
    const sellId = await place('seller-b', 'sell', 3600, 50);
    const before = await totals();
    const version = book.version;
    const buyId = `crash-${++n}`;
    await ds.transaction((manager) =>
      reservations.reserve(manager, [
        { orderId: buyId, account: 'trader-c', side: 'buy', price: 3600, qty: 50, instrument: CQEA },
      ]),
    );
    const message: PlaceOrderMessage = {
      commandId: `place:${buyId}`,
      orderId: buyId,
      instrument: CQEA.symbol,
      account: 'trader-c',
      side: 'buy',
      type: 'limit',
      price: 3600,
      qty: 50,
      tif: 'GTC',
      postOnly: false,
      receivedAt: 0,
    };
    await expect(work((b) => b.place(message), 'after-append')).rejects.toThrow(/injected crash/);
    expect(book.version).toBe(version);
    expect(await totals()).toEqual(before);
    expect(
      (await ds.query('SELECT order_id FROM clearing_orders ORDER BY order_id')).map(
        (r: { order_id: string }) => r.order_id,
      ),
    ).toEqual([buyId, sellId].sort());
    await work((b) => b.place(message));
    const after = await totals();
    expect(after.cash + after.fees).toBe(before.cash + before.fees);
    expect(after.units).toBe(before.units);
    expect(after.fees).toBe(before.fees + 360);
  });

  it('an amendment topped up at the gateway survives a fill racing it, and the book answer releases the surplus', async () => {
    const buyId = await place('buyer-a', 'buy', 3600, 100);
    const before = await totals();
    // The gateway's half: 150 in total at 3650, while 100 are open.
    const seen = await ds.transaction(async (manager) => {
      const ledger = await clearing.load(manager, { orders: [buyId], lock: true });
      const events = reserveForAmendment(ledger, { orderId: buyId, price: 3650, qty: 150 });
      ledger.apply(events);
      await clearing.write(
        manager,
        ledger,
        events.map((event) => ({ stream: memberStreamId('buyer-a'), event })),
      );
      return ledger.order(buyId)!.openQty;
    });
    // A sell fills 40 before the amendment reaches the book.
    await place('seller-b', 'sell', 3600, 40);
    await work((b) =>
      b.amend({
        commandId: `amend:${buyId}`,
        orderId: buyId,
        instrument: CQEA.symbol,
        price: 3650,
        qty: 150,
        openQtySeen: seen,
        receivedAt: 0,
      }),
    );
    const [order] = await ds.query(
      'SELECT open_qty::int, reserved::int, amend_top_up FROM clearing_orders WHERE order_id = $1',
      [buyId],
    );
    // 150 − 40 filled = 110 open at 3650: 401,500 + 401 fee.
    expect(order).toEqual({ open_qty: 110, reserved: 401_901, amend_top_up: null });
    const after = await totals();
    expect(after.cash + after.fees).toBe(before.cash + before.fees);
    expect(after.units).toBe(before.units);
    await work((b) => b.cancel(buyId));
  });

  it('an amendment its reservation cannot cover is refused before the book applies it, and its top-up goes back', async () => {
    const sellId = await place('trader-c', 'sell', 3900, 10);
    const before = await positions('trader-c');
    await ds.transaction(async (manager) => {
      const ledger = await clearing.load(manager, { orders: [sellId], lock: true });
      const events = reserveForAmendment(ledger, { orderId: sellId, qty: 11 });
      ledger.apply(events);
      await clearing.write(
        manager,
        ledger,
        events.map((event) => ({ stream: memberStreamId('trader-c'), event })),
      );
    });
    // A command that read the order older than it is (open 9): the book would make 12 of the 11 reserved.
    const message = {
      commandId: `amend:${sellId}`,
      orderId: sellId,
      instrument: CQEA.symbol,
      qty: 11,
      openQtySeen: 9,
      receivedAt: 0,
    };
    const cover = await ds.transaction((manager) => AmendmentCover.load(clearing, manager, [sellId]));
    let decided: BookEvent[] = [];
    await work((b) => (decided = b.amend(message, cover.shortfallOf(sellId))));
    expect(decided).toEqual([
      {
        type: 'AmendRejected',
        data: { orderId: sellId, instrument: CQEA.symbol, reason: 'amend-not-covered' },
      },
    ]);
    expect(await positions('trader-c')).toEqual(before);
    const [order] = await ds.query(
      'SELECT open_qty::int, reserved::int, amend_top_up FROM clearing_orders WHERE order_id = $1',
      [sellId],
    );
    expect(order).toEqual({ open_qty: 10, reserved: 10, amend_top_up: null });
    await work((b) => b.cancel(sellId));
  });

  describe('while a gateway amendment holds the member and commits its top-up', () => {
    /** Runs `amendment` in a transaction that commits only once `racer` is waiting on its lock. */
    async function racing<T>(orderId: string, price: number, racer: () => Promise<T>): Promise<T> {
      const runner = ds.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        const ledger = await clearing.load(runner.manager, { orders: [orderId], lock: true });
        const events = reserveForAmendment(ledger, { orderId, price });
        ledger.apply(events);
        await clearing.write(
          runner.manager,
          ledger,
          events.map((event) => ({ stream: memberStreamId('trader-c'), event })),
        );
        const raced = racer();
        raced.catch(() => undefined);
        for (let i = 0; ; i++) {
          const [{ n }] = await ds.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (n > 0) break;
          if (i > 200) throw new Error('the racer never waited for the lock');
          await new Promise((r) => setTimeout(r, 10));
        }
        await runner.commitTransaction();
        return await raced;
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }

    it('a cancel settled meanwhile reads the top-up and hands all of it back', async () => {
      const before = await positions('trader-c');
      const buyId = await place('trader-c', 'buy', 3400, 10);
      await racing(buyId, 3450, () => work((b) => b.cancel(buyId)));
      expect(await positions('trader-c')).toEqual(before);
      expect(await ds.query('SELECT 1 FROM clearing_orders WHERE order_id = $1', [buyId])).toEqual([]);
    });

    it('a second amendment meanwhile sees the first one pending (409), not the order as it was', async () => {
      const buyId = await place('trader-c', 'buy', 3400, 10);
      const controller = new AmendOrderController(
        ds,
        new Outbox({ notify: false }),
        clearing,
        catalogue,
        { now: () => Date.now() },
        { EXCHANGE_SHARDS: 4 } as AppConfig,
      );
      await expect(racing(buyId, 3450, () => controller.amend(buyId, { qty: 12 }))).rejects.toMatchObject({
        code: 'CLEARING.AMEND_PENDING_CONFLICT',
      });
      await work((b) => b.cancel(buyId));
    });
  });

  it('a block trade settles both reserved sides; a refused one releases both; a short side reserves nothing', async () => {
    await ds.transaction(async (manager) => {
      const ledger = await clearing.load(manager, { members: ['trader-c', 'seller-b'], lock: true });
      const cash = depositCash(ledger, 'trader-c', 400_000_000, 'wire-block');
      const units = depositUnits(ledger, 'seller-b', CQEA.symbol, 100_000, 'reg-block');
      ledger.apply([...cash, ...units]);
      await clearing.write(manager, ledger, [
        ...cash.map((event) => ({ stream: memberStreamId('trader-c'), event })),
        ...units.map((event) => ({ stream: memberStreamId('seller-b'), event })),
      ]);
    });
    const report = async (tradeId: string, qty: number) => {
      const ids = { buyOrderId: `${tradeId}:buy`, sellOrderId: `${tradeId}:sell` };
      await ds.transaction(async (manager) => {
        const refused = await reservations.reserve(manager, [
          { orderId: ids.buyOrderId, account: 'trader-c', side: 'buy', price: 3000, qty, instrument: CQEA },
          { orderId: ids.sellOrderId, account: 'seller-b', side: 'sell', price: 3000, qty, instrument: CQEA },
        ]);
        const error = refused.find((e) => e !== null);
        if (error) throw error;
      });
      await work((b) =>
        b.block({
          commandId: tradeId,
          tradeId,
          instrument: CQEA.symbol,
          buyer: 'trader-c',
          seller: 'seller-b',
          price: 3000,
          qty,
          receivedAt: 0,
          ...ids,
        }),
      );
    };
    const buyer = await positions('trader-c');
    const seller = await positions('seller-b');
    const start = await totals();

    await report('block:1', 10_000); // below the 100,000 minimum: the engine refuses it
    expect(await positions('trader-c')).toEqual(buyer);
    expect(await positions('seller-b')).toEqual(seller);

    await expect(report('block:2', 500_000)).rejects.toMatchObject({
      code: expect.stringMatching(/^CLEARING\.INSUFFICIENT_(CASH|UNITS)$/),
    });
    expect(await positions('trader-c')).toEqual(buyer);

    await report('block:3', 100_000);
    expect(await positions('trader-c')).toEqual({
      cash: { available: buyer.cash.available - 300_000_000 - 300_000, reserved: 0 },
      units: { available: buyer.units.available + 100_000, reserved: 0 },
    });
    expect((await positions('seller-b')).cash.available).toBe(seller.cash.available + 300_000_000 - 300_000);
    expect(
      await ds.query('SELECT count(*)::int AS n FROM clearing_orders WHERE order_id LIKE $1', ['block:%']),
    ).toEqual([{ n: 0 }]);
    const end = await totals();
    expect(end.cash + end.fees).toBe(start.cash + start.fees);
    expect(end.units).toBe(start.units);
  });

  it('random orders, cancels and injected crashes conserve cash + fees and units; the rows equal the replayed events', async () => {
    const prng = mulberry32(7);
    const start = await totals();
    const live: string[] = [];
    for (let i = 0; i < 150; i++) {
      const crash = prng.nextInt(5) === 0 ? ('after-append' as const) : undefined;
      try {
        if (live.length > 0 && prng.nextInt(4) === 0) {
          const orderId = live.splice(prng.nextInt(live.length), 1)[0];
          await work((b) => b.cancel(orderId), crash);
        } else {
          const side = prng.nextInt(2) === 0 ? 'buy' : 'sell';
          live.push(
            await place(
              MEMBERS[prng.nextInt(3)],
              side,
              3500 + prng.nextInt(21) * 10,
              1 + prng.nextInt(400),
              crash,
            ),
          );
        }
      } catch (error) {
        if (!(error instanceof DomainError) && !/injected crash/.test(String(error))) throw error;
      }
      const now = await totals();
      expect(now.cash + now.fees).toBe(start.cash + start.fees);
      expect(now.units).toBe(start.units);
    }
    expect((await totals()).fees).toBeGreaterThan(start.fees);

    // Rebuild every balance from the clearing events alone: the rows come out the same.
    const snapshot = async () => ({
      cash: await ds.query('SELECT * FROM clearing_cash ORDER BY member_id'),
      holdings: await ds.query('SELECT * FROM clearing_holdings ORDER BY member_id, instrument'),
      orders: await ds.query('SELECT * FROM clearing_orders ORDER BY order_id'),
      fees: await ds.query('SELECT * FROM clearing_fees ORDER BY instrument'),
      sales: await ds.query('SELECT * FROM clearing_sales ORDER BY member_id, instrument'),
      members: await ds.query(
        'SELECT member_id, name, jurisdiction, position_limit FROM clearing_members ORDER BY member_id',
      ),
    });
    const before = await snapshot();
    expect(before.orders.length).toBeGreaterThan(0);
    const replayed = await ds.transaction((manager) => rebuildClearingRows(manager));
    expect(await snapshot()).toEqual(before);
    expect(replayed.totalFees()).toBe((await totals()).fees);
  });
});
