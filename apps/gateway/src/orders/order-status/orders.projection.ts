import { EntityManager } from 'typeorm';
import type { StoredEvent } from '@app/event-store';
import { foldOrderEvents, ordersTouchedBy, type OrderViewState } from './order-view-fold';

interface StoredRow {
  order_id: string;
  instrument: string;
  account: string | null;
  side: string | null;
  type: string | null;
  price: string | null;
  qty: string;
  filled: string;
  remaining: string;
  status: string;
  reason: string | null;
  updated_position: string;
}

const COLUMNS =
  'order_id, instrument, account, side, type, price, qty, filled, remaining, status, reason, updated_position';

/** Every changed row written back in one statement; the projection is the table's only writer. */
const UPSERT_SQL = `
  INSERT INTO orders_view (${COLUMNS})
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                       $7::bigint[], $8::bigint[], $9::bigint[], $10::text[], $11::text[], $12::bigint[])
  ON CONFLICT (order_id) DO UPDATE SET instrument = excluded.instrument, account = excluded.account,
    side = excluded.side, type = excluded.type, price = excluded.price, qty = excluded.qty,
    filled = excluded.filled, remaining = excluded.remaining, status = excluded.status,
    reason = excluded.reason, updated_position = excluded.updated_position`;

/**
 * Every order's state from the book events: accepted orders rest with their full quantity,
 * trades reduce both sides, cancellations (user, IOC, market, FOK, self-trade) clear the rest.
 * What is left with `remaining > 0` is exactly the resting book, so depth needs no engine here.
 *
 * A batch costs two statements whatever its size: read the rows its events touch, fold the
 * events over them in memory ({@link foldOrderEvents}), write the changed rows back.
 */
export class OrdersProjection {
  readonly name = 'orders';

  async handle(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const ids = [...new Set(events.flatMap(ordersTouchedBy))];
    if (ids.length === 0) return;
    const stored: StoredRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM orders_view WHERE order_id = ANY($1::text[])`,
      [ids],
    );
    const rows = new Map(stored.map((r) => [r.order_id, fromStored(r)]));
    const changed = [...foldOrderEvents(rows, events)].map((id) => rows.get(id)!);
    if (changed.length === 0) return;
    await manager.query(UPSERT_SQL, [
      changed.map((r) => r.orderId),
      changed.map((r) => r.instrument),
      changed.map((r) => r.account),
      changed.map((r) => r.side),
      changed.map((r) => r.type),
      changed.map((r) => r.price),
      changed.map((r) => r.qty),
      changed.map((r) => r.filled),
      changed.map((r) => r.remaining),
      changed.map((r) => r.status),
      changed.map((r) => r.reason),
      changed.map((r) => r.updatedPosition),
    ]);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE orders_view');
  }
}

function fromStored(r: StoredRow): OrderViewState {
  return {
    orderId: r.order_id,
    instrument: r.instrument,
    account: r.account,
    side: r.side,
    type: r.type,
    price: r.price === null ? null : Number(r.price),
    qty: Number(r.qty),
    filled: Number(r.filled),
    remaining: Number(r.remaining),
    status: r.status,
    reason: r.reason,
    updatedPosition: Number(r.updated_position),
  };
}
