import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClearingLedger, type ClearingEvent, type OrderReservation } from '@app/clearing';
import type { Jurisdiction } from '@app/domain';
import { EventStore, type EventMetadata } from '@app/event-store';
import { rowChanges, rowWriteStatement } from './clearing-rows.sql';

interface MemberRow {
  member_id: string;
  name: string;
  jurisdiction: Jurisdiction;
  position_limit: number | null;
  available: number;
  reserved: number;
}
interface HoldingRow {
  member_id: string;
  instrument: string;
  available: number;
  reserved: number;
  incoming: number;
}
interface OrderRow {
  order_id: string;
  member_id: string;
  instrument: string;
  side: 'buy' | 'sell';
  reserve_price: number;
  fee_bp: number;
  open_qty: number;
  filled: number;
  reserved: number;
  amend_top_up: number | null;
}

export interface LoadScope {
  members?: readonly string[];
  orders?: readonly string[];
  /** Holdings of these instruments are loaded for the members. */
  instruments?: readonly string[];
  /** Lock the members' cash rows until the transaction ends (decisions that read balances). */
  lock?: boolean;
}

/** The orders, their owners and the owners' holdings of the instruments involved, in one round trip. */
const loadSql = (lock: boolean) => `
  WITH o AS (SELECT * FROM clearing_orders WHERE order_id = ANY($1::text[])),
  ids AS (SELECT unnest($2::text[]) AS member_id UNION SELECT member_id FROM o),
  c AS (SELECT m.member_id, m.name, m.jurisdiction, m.position_limit, c.available, c.reserved
        FROM clearing_cash c JOIN clearing_members m USING (member_id)
        WHERE c.member_id IN (SELECT member_id FROM ids) ORDER BY c.member_id${lock ? ' FOR UPDATE OF c' : ''}),
  h AS (SELECT * FROM clearing_holdings WHERE member_id IN (SELECT member_id FROM ids)
        AND instrument IN (SELECT unnest($3::text[]) UNION SELECT instrument FROM o))
  SELECT (SELECT coalesce(json_agg(o), '[]') FROM o) AS orders,
         (SELECT coalesce(json_agg(c), '[]') FROM c) AS members,
         (SELECT coalesce(json_agg(h), '[]') FROM h) AS holdings`;

/**
 * Loads the slice of the clearing ledger a transaction needs and writes the effect of clearing
 * events: the balance rows by the events' own deltas (one statement) and the events themselves,
 * member events to the member's stream and settlement to the instrument's.
 */
@Injectable()
export class ClearingStore {
  constructor(private readonly store: EventStore) {}

  /**
   * Locks the cash rows of `members` and of the owners of `orders`, in id order, in a statement
   * of its own. A statement reads with the snapshot it started with, even the rows it waited to
   * lock: loading in the locking statement could read an order or holding as it was before the
   * lock's last holder committed (a gateway amendment's top-up, a settlement). Loading after this
   * reads what every earlier writer of these members committed.
   */
  async lockOwners(manager: EntityManager, scope: Pick<LoadScope, 'members' | 'orders'>): Promise<void> {
    await manager.query(
      `SELECT 1 FROM clearing_cash WHERE member_id IN
         (SELECT unnest($1::text[]) UNION SELECT member_id FROM clearing_orders WHERE order_id = ANY($2::text[]))
       ORDER BY member_id FOR UPDATE`,
      [scope.members ?? [], scope.orders ?? []],
    );
  }

  async load(manager: EntityManager, scope: LoadScope): Promise<ClearingLedger> {
    const [row]: { orders: OrderRow[]; members: MemberRow[]; holdings: HoldingRow[] }[] = await manager.query(
      loadSql(scope.lock === true),
      [scope.orders ?? [], scope.members ?? [], scope.instruments ?? []],
    );
    const ledger = new ClearingLedger();
    for (const o of row.orders) ledger.orders.set(o.order_id, toReservation(o));
    for (const r of row.members)
      ledger.members.set(r.member_id, {
        member: r.member_id,
        name: r.name,
        jurisdiction: r.jurisdiction,
        ...(r.position_limit !== null ? { positionLimit: Number(r.position_limit) } : {}),
        cash: { available: Number(r.available), reserved: Number(r.reserved) },
        holdings: new Map(),
      });
    for (const h of row.holdings)
      ledger.members.get(h.member_id)?.holdings.set(h.instrument, {
        available: Number(h.available),
        reserved: Number(h.reserved),
        incoming: Number(h.incoming),
      });
    return ledger;
  }

  /**
   * Applies the events' deltas to the rows, then appends the events. `ledger` is the loaded slice
   * with the events already applied (it tells which reservations ended). Balances are updated
   * first, so the row locks order one member's events in the log as they were decided.
   */
  async write(
    manager: EntityManager,
    ledger: ClearingLedger,
    events: readonly { stream: string; event: ClearingEvent; metadata?: EventMetadata }[],
    metadata: EventMetadata = {},
  ): Promise<void> {
    if (events.length === 0) return;
    const changes = rowChanges(events.map((e) => e.event));
    if (changes.registrations.length > 0) await this.register(manager, changes.registrations);
    const ended = new Set([...changes.orders.keys()].filter((id) => !ledger.orders.has(id)));
    const statement = rowWriteStatement(changes, ended);
    if (statement) {
      const [result]: { deleted: number }[] = await manager.query(statement.sql, statement.params);
      if (result.deleted !== ended.size)
        throw new Error(
          `clearing rows disagree with the ledger: ${ended.size} reservations should have ended`,
        );
    }
    // One statement for all streams, in the order decided (each command's events with its metadata).
    await this.store.appendInOrder(
      events.map((e) => ({
        streamId: e.stream,
        event: { type: e.event.type, data: e.event.data, metadata: e.metadata ?? metadata },
      })),
      { manager },
    );
  }

  private async register(
    manager: EntityManager,
    registrations: ReturnType<typeof rowChanges>['registrations'],
  ): Promise<void> {
    await manager.query(
      `WITH m AS (INSERT INTO clearing_members (member_id, name, jurisdiction, position_limit)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) RETURNING member_id)
       INSERT INTO clearing_cash (member_id) SELECT member_id FROM m`,
      [
        registrations.map((r) => r.member),
        registrations.map((r) => r.name),
        registrations.map((r) => r.jurisdiction),
        registrations.map((r) => r.positionLimit ?? null),
      ],
    );
  }
}

function toReservation(o: OrderRow): OrderReservation {
  return {
    orderId: o.order_id,
    member: o.member_id,
    instrument: o.instrument,
    side: o.side,
    reservePrice: Number(o.reserve_price),
    feeBp: o.fee_bp,
    openQty: Number(o.open_qty),
    filled: Number(o.filled),
    reserved: Number(o.reserved),
    amendTopUp: o.amend_top_up === null ? null : Number(o.amend_top_up),
  };
}
