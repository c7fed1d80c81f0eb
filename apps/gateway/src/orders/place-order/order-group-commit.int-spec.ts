import type { DataSource } from 'typeorm';
import { buyReservation } from '@app/clearing';
import { DomainError } from '@app/domain';
import { EventStore } from '@app/event-store';
import { Outbox } from '@app/messaging';
import { InstrumentCatalogue, type AppConfig } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { ClearingStore } from '../../../../exchange/src/clearing/clearing-store';
import { OrderReservations } from '../../accounts/order-reservations';
import { openAccounts } from '../../accounts/testing/open-accounts';
import { ALL_MIGRATIONS } from '../../gateway.app';
import { orderCandidate, type OrderCandidate } from './order-candidate';
import { OrderEntry, type OrderOutcome } from './order-entry';
import { OrderGroupCommit } from './order-group-commit';
import type { PlaceOrderDto } from './place-order.dto';

const catalogue = InstrumentCatalogue.load('seeds');
const FEES = { buyerBp: 10, sellerBp: 10 };
const NOW = Date.UTC(2026, 10, 24, 2);
const POOR_CASH = 1_000_000;
const UNITS = 500;

const order = (o: Partial<PlaceOrderDto>): PlaceOrderDto =>
  ({
    instrument: 'CQEA-2025',
    account: 'rich',
    side: 'buy',
    type: 'limit',
    price: 3600,
    qty: 10,
    tif: 'GTC',
    postOnly: false,
    ...o,
  }) as PlaceOrderDto;
const candidate = (o: Partial<PlaceOrderDto>): OrderCandidate => orderCandidate(order(o), catalogue, NOW, 4);

/** Commands queued in the outbox for these orders, alone (PlaceOrder) or with their group (PlaceOrders). */
const QUEUED_ORDERS_SQL = `
  SELECT count(*) AS n FROM outbox o,
    jsonb_array_elements(CASE o.name WHEN 'PlaceOrders' THEN o.payload->'orders' ELSE jsonb_build_array(o.payload) END) AS m(command)
   WHERE m.command->>'orderId' = ANY($1)`;

describe('OrderGroupCommit: concurrent single orders committed in groups (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let groupCommit: OrderGroupCommit;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: ALL_MIGRATIONS });
    ds = db.dataSource;
    const clearing = new ClearingStore(new EventStore(ds, { listen: false }));
    const entry = new OrderEntry(new Outbox(), new OrderReservations(clearing, FEES));
    groupCommit = new OrderGroupCommit(ds, entry, {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: 8,
    } as AppConfig);
    await openAccounts(ds, clearing, [
      { member: 'rich', cash: 10_000_000_000 },
      { member: 'poor', cash: POOR_CASH },
      { member: 'seller', units: { 'CQEA-2025': UNITS } },
    ]);
  });
  afterAll(() => db?.drop());

  const settle = (p: Promise<OrderOutcome>) =>
    p.then(
      (outcome) => outcome,
      (error: unknown) => ({ status: 'failed' as const, error }),
    );
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await ds.query(sql, params)) as { n: string }[])[0].n);

  it('decides each order alone, reserves exactly the accepted ones, and shares transactions', async () => {
    // 300 orders at once: the poor member's buys run out of cash part-way, the seller's sells run
    // out of units part-way; the rich member's all pass.
    const orders = Array.from({ length: 300 }, (_, i) =>
      candidate(
        i % 3 === 0
          ? { account: 'rich', clientOrderId: `rich-${i}` }
          : i % 3 === 1
            ? { account: 'poor', clientOrderId: `poor-${i}`, qty: 20 }
            : { account: 'seller', side: 'sell', clientOrderId: `sell-${i}`, qty: 7 },
      ),
    );
    const outcomes = await Promise.all(orders.map((o) => settle(groupCommit.submit(o))));

    const accepted = orders.filter((_, i) => outcomes[i].status === 'received');
    const refused = orders.filter((_, i) => outcomes[i].status === 'refused');
    expect(outcomes.every((o) => o.status !== 'failed')).toBe(true);
    const per = (prefix: string) => accepted.filter((o) => o.orderId.startsWith(prefix)).length;
    expect(per('rich')).toBe(100);
    const poorEach = buyReservation(3600, 20, FEES.buyerBp);
    expect(per('poor')).toBe(Math.floor(POOR_CASH / poorEach));
    expect(per('sell')).toBe(Math.floor(UNITS / 7));
    for (const [i, o] of outcomes.entries())
      if (o.status === 'refused')
        expect((o.error as DomainError).code).toBe(
          orders[i].orderId.startsWith('poor') ? 'CLEARING.INSUFFICIENT_CASH' : 'CLEARING.INSUFFICIENT_UNITS',
        );

    // Refused orders left nothing: no key, no reservation, no command.
    const refusedIds = refused.map((o) => o.orderId);
    for (const table of ['order_requests', 'clearing_orders'])
      expect(await count(`SELECT count(*) AS n FROM ${table} WHERE order_id = ANY($1)`, [refusedIds])).toBe(
        0,
      );
    expect(await count(QUEUED_ORDERS_SQL, [refusedIds])).toBe(0);
    // Accepted ones have all three, once.
    const acceptedIds = accepted.map((o) => o.orderId);
    expect(
      await count(`SELECT count(*) AS n FROM clearing_orders WHERE order_id = ANY($1)`, [acceptedIds]),
    ).toBe(accepted.length);
    expect(await count(QUEUED_ORDERS_SQL, [acceptedIds])).toBe(accepted.length);
    // A group's orders for one shard share one message.
    expect(await count(`SELECT count(*) AS n FROM outbox`)).toBeLessThan(accepted.length / 4);
    // Cash and units are conserved: reserved is exactly what the accepted orders need.
    const [poor] = (await ds.query(
      `SELECT available, reserved FROM clearing_cash WHERE member_id = 'poor'`,
    )) as {
      available: string;
      reserved: string;
    }[];
    expect(Number(poor.reserved)).toBe(per('poor') * poorEach);
    expect(Number(poor.available) + Number(poor.reserved)).toBe(POOR_CASH);
    const [units] = (await ds.query(
      `SELECT available, reserved FROM clearing_holdings WHERE member_id = 'seller' AND instrument = 'CQEA-2025'`,
    )) as { available: string; reserved: string }[];
    expect([Number(units.available), Number(units.reserved)]).toEqual([
      UNITS - per('sell') * 7,
      per('sell') * 7,
    ]);
    // Fewer transactions than orders: one reservation stream per committed group.
    const groups = await count(
      `SELECT count(DISTINCT stream_id) AS n FROM events WHERE stream_id LIKE 'reservations-%'`,
    );
    expect(groups).toBeLessThan(accepted.length / 4);
  });

  it('answers a resent order with its first acknowledgement and refuses another body under its key', async () => {
    const first = candidate({ clientOrderId: 'resent-1' });
    const again = candidate({ clientOrderId: 'resent-1' });
    const other = candidate({ clientOrderId: 'resent-1', qty: 11 });
    const outcomes = await Promise.all(
      [first, again, again, other].map((o) => settle(groupCommit.submit(o))),
    );
    expect(outcomes.slice(0, 3).map((o) => o.status)).toEqual(['received', 'received', 'received']);
    const acks = outcomes.slice(0, 3).map((o) => (o as { ack: unknown }).ack);
    expect(acks[1]).toEqual(acks[0]);
    expect(acks[2]).toEqual(acks[0]);
    expect(outcomes.slice(1, 3).map((o) => (o as { replayed: boolean }).replayed)).toEqual([true, true]);
    expect(outcomes[3]).toMatchObject({
      status: 'refused',
      error: { code: 'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT', details: { field: 'clientOrderId' } },
    });
    expect(await count(`SELECT count(*) AS n FROM clearing_orders WHERE order_id = 'resent-1'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM outbox WHERE message_id = 'place:resent-1'`)).toBe(1);
  });

  it('decides the orders of one request together, in their order, behind an earlier request with a common key', async () => {
    const a = [candidate({ clientOrderId: 'unit-1' }), candidate({ clientOrderId: 'unit-2' })];
    const b = [candidate({ clientOrderId: 'unit-2', qty: 99 }), candidate({ clientOrderId: 'unit-3' })];
    const [first, second] = await Promise.all([groupCommit.submitAll(a), groupCommit.submitAll(b)]);
    expect(first.map((o) => o.status)).toEqual(['received', 'received']);
    expect(second[0]).toMatchObject({
      status: 'refused',
      error: { code: 'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT' },
    });
    expect(second[1]).toMatchObject({ status: 'received', replayed: false });
    expect(
      await count(
        `SELECT count(*) AS n FROM clearing_orders WHERE order_id IN ('unit-1', 'unit-2', 'unit-3')`,
      ),
    ).toBe(3);
  });

  it('retries a group that fails one order at a time, so only the failing order gets the error', async () => {
    const good = Array.from({ length: 20 }, (_, i) => candidate({ clientOrderId: `retry-${i}` }));
    const base = candidate({ clientOrderId: 'retry-bad' });
    // A lone surrogate cannot be stored as jsonb: the statement fails for the whole group.
    const bad: OrderCandidate = { ...base, ack: { ...base.ack, instrument: '\ud800' } };
    const outcomes = await Promise.all(
      [...good.slice(0, 10), bad, ...good.slice(10)].map((o) => settle(groupCommit.submit(o))),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array(10).fill('received'),
      'failed',
      ...Array(10).fill('received'),
    ]);
    expect(await count(`SELECT count(*) AS n FROM clearing_orders WHERE order_id = 'retry-bad'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM clearing_orders WHERE order_id LIKE 'retry-%'`)).toBe(20);
  });
});
