import {
  deltasOf,
  legsOf,
  type ClearingEvent,
  type MemberRegisteredData,
  type OrderReservation,
} from '@app/clearing';

interface OrderChange {
  reserved: number;
  openQty: number;
  filled: number;
  reservePrice: number | null;
  /** undefined: unchanged; null or a number: set to it. */
  topUp: number | null | undefined;
}

/** The net row changes of a set of clearing events: what one transaction writes. */
export interface RowChanges {
  registrations: MemberRegisteredData[];
  cash: Map<string, [available: number, reserved: number]>;
  holdings: Map<
    string,
    [member: string, instrument: string, available: number, reserved: number, incoming: number]
  >;
  creates: OrderReservation[];
  orders: Map<string, OrderChange>;
  fees: Map<string, number>;
  /** Units each seller sold, per instrument: the free-allocation sell limit's running total. */
  sales: Map<string, [member: string, instrument: string, qty: number]>;
}

/** Adds the units `events` show sold (the sell leg of each settled trade) to `sales`. */
export function addSales(sales: RowChanges['sales'], events: readonly ClearingEvent[]): void {
  for (const event of events) {
    if (event.type !== 'TradeSettled') continue;
    const { sell } = legsOf(event.data);
    const key = `${event.data.seller}\u0000${sell.instrument}`;
    const x = sales.get(key) ?? [event.data.seller, sell.instrument, 0];
    sales.set(key, [x[0], x[1], x[2] + sell.qty]);
  }
}

const byKey = <T>(m: Map<string, T>): [string, T][] =>
  [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function rowChanges(events: readonly ClearingEvent[]): RowChanges {
  const c: RowChanges = {
    registrations: [],
    cash: new Map(),
    holdings: new Map(),
    creates: [],
    orders: new Map(),
    fees: new Map(),
    sales: new Map(),
  };
  addSales(c.sales, events);
  for (const event of events) {
    if (event.type === 'MemberRegistered') c.registrations.push(event.data);
    const d = deltasOf(event);
    for (const b of d.balances) {
      if (b.instrument === null) {
        const x = c.cash.get(b.member) ?? [0, 0];
        c.cash.set(b.member, [x[0] + b.available, x[1] + b.reserved]);
      } else {
        const key = `${b.member}\u0000${b.instrument}`;
        const x = c.holdings.get(key) ?? [b.member, b.instrument, 0, 0, 0];
        c.holdings.set(key, [x[0], x[1], x[2] + b.available, x[3] + b.reserved, x[4] + b.incoming]);
      }
    }
    for (const o of d.orders) {
      if (o.create) {
        c.creates.push(o.create);
        continue;
      }
      const x = c.orders.get(o.orderId) ?? {
        reserved: 0,
        openQty: 0,
        filled: 0,
        reservePrice: null,
        topUp: undefined,
      };
      c.orders.set(o.orderId, {
        reserved: x.reserved + o.reserved,
        openQty: x.openQty + o.openQty,
        filled: x.filled + o.filled,
        reservePrice: o.reservePrice ?? x.reservePrice,
        topUp: o.amendTopUp !== undefined ? o.amendTopUp : x.topUp,
      });
    }
    for (const f of d.fees) c.fees.set(f.instrument, (c.fees.get(f.instrument) ?? 0) + f.amount);
  }
  return c;
}

/**
 * One statement (data-modifying CTEs) for every balance, reservation and fee change of a
 * transaction: one round trip however many rows. `ended` orders are deleted, the rest updated
 * (never both in one statement); the result's `deleted` must equal `ended.length`.
 */
export function rowWriteStatement(
  c: RowChanges,
  ended: ReadonlySet<string>,
): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [];
  const p = (value: unknown, type: string): string => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const ctes: string[] = [];
  if (c.cash.size > 0) {
    const rows = byKey(c.cash);
    ctes.push(`cash_u AS (UPDATE clearing_cash c SET available = c.available + d.a, reserved = c.reserved + d.r
      FROM unnest(${p(
        rows.map((r) => r[0]),
        'text[]',
      )}, ${p(
        rows.map((r) => r[1][0]),
        'bigint[]',
      )}, ${p(
        rows.map((r) => r[1][1]),
        'bigint[]',
      )}) AS d(m, a, r)
      WHERE c.member_id = d.m)`);
  }
  if (c.holdings.size > 0) {
    const rows = byKey(c.holdings).map(([, v]) => v);
    const cols = [0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i]));
    ctes.push(
      `hold_d AS (SELECT * FROM unnest(${p(cols[0], 'text[]')}, ${p(cols[1], 'text[]')}, ${p(cols[2], 'bigint[]')}, ${p(cols[3], 'bigint[]')}, ${p(cols[4], 'bigint[]')}) AS d(m, s, a, r, i))`,
    );
    ctes.push(`hold_u AS (UPDATE clearing_holdings h SET available = h.available + d.a, reserved = h.reserved + d.r,
        incoming = h.incoming + d.i
      FROM hold_d d WHERE h.member_id = d.m AND h.instrument = d.s RETURNING h.member_id, h.instrument)`);
    // A holding seen for the first time is inserted with the change itself: a negative one fails its CHECK.
    ctes.push(`hold_i AS (INSERT INTO clearing_holdings (member_id, instrument, available, reserved, incoming)
      SELECT d.m, d.s, d.a, d.r, d.i FROM hold_d d
      WHERE NOT EXISTS (SELECT 1 FROM hold_u u WHERE u.member_id = d.m AND u.instrument = d.s))`);
  }
  if (c.creates.length > 0) {
    const o = c.creates;
    ctes.push(`ord_i AS (INSERT INTO clearing_orders (order_id, member_id, instrument, side, reserve_price, fee_bp, open_qty, filled, reserved)
      SELECT * FROM unnest(${p(
        o.map((x) => x.orderId),
        'text[]',
      )}, ${p(
        o.map((x) => x.member),
        'text[]',
      )}, ${p(
        o.map((x) => x.instrument),
        'text[]',
      )},
        ${p(
          o.map((x) => x.side),
          'text[]',
        )}, ${p(
          o.map((x) => x.reservePrice),
          'bigint[]',
        )}, ${p(
          o.map((x) => x.feeBp),
          'int[]',
        )},
        ${p(
          o.map((x) => x.openQty),
          'bigint[]',
        )}, ${p(
          o.map((x) => x.filled),
          'bigint[]',
        )}, ${p(
          o.map((x) => x.reserved),
          'bigint[]',
        )}))`);
  }
  const orders = byKey(c.orders);
  const updated = orders.filter(([id]) => !ended.has(id));
  const gone = orders.filter(([id]) => ended.has(id));
  if (updated.length > 0) {
    const v = updated.map((r) => r[1]);
    ctes.push(`ord_u AS (UPDATE clearing_orders o SET reserved = o.reserved + d.r, open_qty = o.open_qty + d.q, filled = o.filled + d.f,
        reserve_price = COALESCE(d.p, o.reserve_price),
        amend_top_up = CASE WHEN d.set_top_up THEN d.top_up ELSE o.amend_top_up END
      FROM unnest(${p(
        updated.map((r) => r[0]),
        'text[]',
      )}, ${p(
        v.map((x) => x.reserved),
        'bigint[]',
      )}, ${p(
        v.map((x) => x.openQty),
        'bigint[]',
      )},
        ${p(
          v.map((x) => x.filled),
          'bigint[]',
        )}, ${p(
          v.map((x) => x.reservePrice),
          'bigint[]',
        )}, ${p(
          v.map((x) => x.topUp !== undefined),
          'boolean[]',
        )},
        ${p(
          v.map((x) => x.topUp ?? null),
          'bigint[]',
        )}) AS d(id, r, q, f, p, set_top_up, top_up)
      WHERE o.order_id = d.id)`);
  }
  if (gone.length > 0) {
    const v = gone.map((r) => r[1]);
    ctes.push(`ord_d AS (DELETE FROM clearing_orders o
      USING unnest(${p(
        gone.map((r) => r[0]),
        'text[]',
      )}, ${p(
        v.map((x) => x.reserved),
        'bigint[]',
      )}, ${p(
        v.map((x) => x.openQty),
        'bigint[]',
      )}) AS d(id, r, q)
      WHERE o.order_id = d.id AND o.reserved + d.r = 0 AND o.open_qty + d.q = 0 RETURNING 1)`);
  }
  if (c.fees.size > 0) {
    const rows = byKey(c.fees);
    ctes.push(`fee_u AS (INSERT INTO clearing_fees AS f (instrument, collected)
      SELECT * FROM unnest(${p(
        rows.map((r) => r[0]),
        'text[]',
      )}, ${p(
        rows.map((r) => r[1]),
        'bigint[]',
      )})
      ON CONFLICT (instrument) DO UPDATE SET collected = f.collected + excluded.collected)`);
  }
  if (c.sales.size > 0) {
    const rows = byKey(c.sales).map(([, v]) => v);
    ctes.push(`sale_u AS (INSERT INTO clearing_sales AS s (member_id, instrument, sold)
      SELECT * FROM unnest(${p(
        rows.map((r) => r[0]),
        'text[]',
      )}, ${p(
        rows.map((r) => r[1]),
        'text[]',
      )}, ${p(
        rows.map((r) => r[2]),
        'bigint[]',
      )})
      ON CONFLICT (member_id, instrument) DO UPDATE SET sold = s.sold + excluded.sold)`);
  }
  if (ctes.length === 0) return null;
  const deleted = gone.length > 0 ? '(SELECT count(*) FROM ord_d)::int' : '0';
  return { sql: `WITH ${ctes.join(',\n')}\nSELECT ${deleted} AS deleted`, params };
}
