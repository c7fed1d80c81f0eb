import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClearingLedger, deltasOf, type ClearingEvent, type OrderReservation } from '@app/clearing';
import type { Jurisdiction } from '@app/domain';
import { EventStore, type EventMetadata } from '@app/event-store';

interface MemberRow {
  member_id: string;
  name: string;
  jurisdiction: Jurisdiction;
  position_limit: string | null;
  available: string;
  reserved: string;
}
interface HoldingRow {
  member_id: string;
  instrument: string;
  available: string;
  reserved: string;
  incoming: string;
}
interface OrderRow {
  order_id: string;
  member_id: string;
  instrument: string;
  side: 'buy' | 'sell';
  reserve_price: string;
  fee_bp: number;
  open_qty: string;
  filled: string;
  reserved: string;
  amend_top_up: string | null;
}

export interface LoadScope {
  members?: readonly string[];
  orders?: readonly string[];
  /** Holdings of these instruments are loaded for the members. */
  instruments?: readonly string[];
  /** Lock the members' cash rows until the transaction ends (decisions that read balances). */
  lock?: boolean;
}

/**
 * Loads the slice of the clearing ledger a transaction needs and writes the effect of clearing
 * events: the balance rows by the events' own deltas (bulk statements, one per table) and the
 * events themselves, member events to the member's stream and settlement to the instrument's.
 */
@Injectable()
export class ClearingStore {
  constructor(private readonly store: EventStore) {}

  async load(manager: EntityManager, scope: LoadScope): Promise<ClearingLedger> {
    const ledger = new ClearingLedger();
    const orders: OrderRow[] = scope.orders?.length
      ? await manager.query('SELECT * FROM clearing_orders WHERE order_id = ANY($1)', [scope.orders])
      : [];
    for (const o of orders) ledger.orders.set(o.order_id, toReservation(o));
    const members = [...new Set([...(scope.members ?? []), ...orders.map((o) => o.member_id)])].sort();
    if (members.length === 0) return ledger;
    const rows: MemberRow[] = await manager.query(
      `SELECT m.member_id, m.name, m.jurisdiction, m.position_limit, c.available, c.reserved
       FROM clearing_cash c JOIN clearing_members m USING (member_id)
       WHERE c.member_id = ANY($1) ORDER BY c.member_id${scope.lock ? ' FOR UPDATE OF c' : ''}`,
      [members],
    );
    for (const r of rows)
      ledger.members.set(r.member_id, {
        member: r.member_id,
        name: r.name,
        jurisdiction: r.jurisdiction,
        ...(r.position_limit !== null ? { positionLimit: Number(r.position_limit) } : {}),
        cash: { available: Number(r.available), reserved: Number(r.reserved) },
        holdings: new Map(),
      });
    const instruments = [...new Set([...(scope.instruments ?? []), ...orders.map((o) => o.instrument)])];
    if (instruments.length > 0 && rows.length > 0) {
      const holdings: HoldingRow[] = await manager.query(
        'SELECT * FROM clearing_holdings WHERE member_id = ANY($1) AND instrument = ANY($2)',
        [members, instruments],
      );
      for (const h of holdings)
        ledger.members.get(h.member_id)?.holdings.set(h.instrument, {
          available: Number(h.available),
          reserved: Number(h.reserved),
          incoming: Number(h.incoming),
        });
    }
    return ledger;
  }

  /**
   * Applies the events' deltas to the rows, then appends the events. Balances are updated first
   * so the row locks order the events of one member in the log as they were decided.
   */
  async write(
    manager: EntityManager,
    events: readonly { stream: string; event: ClearingEvent }[],
    metadata: EventMetadata = {},
  ): Promise<void> {
    if (events.length === 0) return;
    await this.writeRows(
      manager,
      events.map((e) => e.event),
    );
    const byStream = new Map<string, ClearingEvent[]>();
    for (const { stream, event } of events) {
      let list = byStream.get(stream);
      if (!list) byStream.set(stream, (list = []));
      list.push(event);
    }
    for (const [stream, list] of [...byStream].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      await this.store.append(
        stream,
        'any',
        list.map((e) => ({ type: e.type, data: e.data, metadata })),
        { manager },
      );
  }

  private async writeRows(manager: EntityManager, events: readonly ClearingEvent[]): Promise<void> {
    const registrations = events.flatMap((e) => (e.type === 'MemberRegistered' ? [e.data] : []));
    if (registrations.length > 0) {
      await manager.query(
        `INSERT INTO clearing_members (member_id, name, jurisdiction, position_limit)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])`,
        [
          registrations.map((r) => r.member),
          registrations.map((r) => r.name),
          registrations.map((r) => r.jurisdiction),
          registrations.map((r) => r.positionLimit ?? null),
        ],
      );
      await manager.query('INSERT INTO clearing_cash (member_id) SELECT unnest($1::text[])', [
        registrations.map((r) => r.member),
      ]);
    }
    const cash = new Map<string, [number, number]>();
    const holdings = new Map<string, [string, string, number, number, number]>();
    const creates: OrderReservation[] = [];
    const orders = new Map<
      string,
      {
        reserved: number;
        openQty: number;
        filled: number;
        reservePrice: number | null;
        topUp: number | null | undefined;
      }
    >();
    const fees = new Map<string, number>();
    for (const event of events) {
      const d = deltasOf(event);
      for (const b of d.balances) {
        if (b.instrument === null) {
          const c = cash.get(b.member) ?? [0, 0];
          cash.set(b.member, [c[0] + b.available, c[1] + b.reserved]);
        } else {
          const key = `${b.member}\u0000${b.instrument}`;
          const h = holdings.get(key) ?? [b.member, b.instrument, 0, 0, 0];
          holdings.set(key, [h[0], h[1], h[2] + b.available, h[3] + b.reserved, h[4] + b.incoming]);
        }
      }
      for (const o of d.orders) {
        if (o.create) {
          creates.push(o.create);
          continue;
        }
        const x = orders.get(o.orderId) ?? {
          reserved: 0,
          openQty: 0,
          filled: 0,
          reservePrice: null,
          topUp: undefined,
        };
        orders.set(o.orderId, {
          reserved: x.reserved + o.reserved,
          openQty: x.openQty + o.openQty,
          filled: x.filled + o.filled,
          reservePrice: o.reservePrice ?? x.reservePrice,
          topUp: o.amendTopUp !== undefined ? o.amendTopUp : x.topUp,
        });
      }
      for (const f of d.fees) fees.set(f.instrument, (fees.get(f.instrument) ?? 0) + f.amount);
    }
    if (cash.size > 0) {
      const rows = [...cash].sort(([a], [b]) => (a < b ? -1 : 1));
      await manager.query(
        `UPDATE clearing_cash c SET available = c.available + d.a, reserved = c.reserved + d.r
         FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(m, a, r) WHERE c.member_id = d.m`,
        [rows.map((r) => r[0]), rows.map((r) => r[1][0]), rows.map((r) => r[1][1])],
      );
    }
    if (holdings.size > 0) {
      const rows = [...holdings.values()].sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
      const columns = [0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i]));
      // CHECKs apply to an INSERT's row before ON CONFLICT is considered: create at zero, then add.
      await manager.query(
        `INSERT INTO clearing_holdings (member_id, instrument) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT DO NOTHING`,
        columns.slice(0, 2),
      );
      await manager.query(
        `UPDATE clearing_holdings h SET available = h.available + d.a, reserved = h.reserved + d.r,
           incoming = h.incoming + d.i
         FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[]) AS d(m, s, a, r, i)
         WHERE h.member_id = d.m AND h.instrument = d.s`,
        columns,
      );
    }
    if (creates.length > 0)
      await manager.query(
        `INSERT INTO clearing_orders (order_id, member_id, instrument, side, reserve_price, fee_bp, open_qty, filled, reserved)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[])`,
        [
          creates.map((o) => o.orderId),
          creates.map((o) => o.member),
          creates.map((o) => o.instrument),
          creates.map((o) => o.side),
          creates.map((o) => o.reservePrice),
          creates.map((o) => o.feeBp),
          creates.map((o) => o.openQty),
          creates.map((o) => o.filled),
          creates.map((o) => o.reserved),
        ],
      );
    if (orders.size > 0) {
      const rows = [...orders];
      const ids = rows.map((r) => r[0]);
      await manager.query(
        `UPDATE clearing_orders o SET reserved = o.reserved + d.r, open_qty = o.open_qty + d.q, filled = o.filled + d.f,
           reserve_price = COALESCE(d.p, o.reserve_price),
           amend_top_up = CASE WHEN d.set_top_up THEN d.top_up ELSE o.amend_top_up END
         FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::boolean[], $7::bigint[])
           AS d(id, r, q, f, p, set_top_up, top_up)
         WHERE o.order_id = d.id`,
        [
          ids,
          rows.map((r) => r[1].reserved),
          rows.map((r) => r[1].openQty),
          rows.map((r) => r[1].filled),
          rows.map((r) => r[1].reservePrice),
          rows.map((r) => r[1].topUp !== undefined),
          rows.map((r) => r[1].topUp ?? null),
        ],
      );
      await manager.query(
        'DELETE FROM clearing_orders WHERE order_id = ANY($1) AND open_qty = 0 AND reserved = 0',
        [ids],
      );
    }
    if (fees.size > 0)
      await manager.query(
        `INSERT INTO clearing_fees AS f (instrument, collected) SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT (instrument) DO UPDATE SET collected = f.collected + excluded.collected`,
        [[...fees.keys()], [...fees.values()]],
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
