import type { EntityManager } from 'typeorm';
import { ClearingLedger, type ClearingEvent } from '@app/clearing';
import { readLogPage } from '@app/event-store';
import { FILL_CLEARING_SALES } from './clearing-sales.migration';
import { CLEARING_EVENT_TYPES } from './clearing-streams';

const PAGE = 5000;

/** Folds every clearing event in log order: the balances as the events say they are. */
export async function replayClearing(manager: EntityManager): Promise<ClearingLedger> {
  const ledger = new ClearingLedger();
  const types = new Set<string>(CLEARING_EVENT_TYPES);
  for (let after = 0; ;) {
    const page = await readLogPage(manager, after, PAGE);
    ledger.apply(
      page.filter((e) => types.has(e.type)).map((e) => ({ type: e.type, data: e.data }) as ClearingEvent),
    );
    if (page.length < PAGE) return ledger;
    after = page[page.length - 1].globalPosition;
  }
}

/**
 * Replaces the balance rows with the fold of the events (run with the services stopped, in one
 * transaction): the repair for rows that ever disagree with the log, and the proof they need not.
 */
export async function rebuildClearingRows(manager: EntityManager): Promise<ClearingLedger> {
  const ledger = await replayClearing(manager);
  await manager.query(
    'TRUNCATE clearing_orders, clearing_fees, clearing_holdings, clearing_cash, clearing_sales',
  );
  await manager.query('DELETE FROM clearing_members');
  const members = [...ledger.members.values()];
  await manager.query(
    `INSERT INTO clearing_members (member_id, name, jurisdiction, position_limit)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])`,
    [
      members.map((m) => m.member),
      members.map((m) => m.name),
      members.map((m) => m.jurisdiction),
      members.map((m) => m.positionLimit ?? null),
    ],
  );
  await manager.query(
    `INSERT INTO clearing_cash (member_id, available, reserved) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])`,
    [members.map((m) => m.member), members.map((m) => m.cash.available), members.map((m) => m.cash.reserved)],
  );
  const holdings = members.flatMap((m) =>
    [...m.holdings].map(([instrument, h]) => ({ member: m.member, instrument, ...h })),
  );
  await manager.query(
    `INSERT INTO clearing_holdings (member_id, instrument, available, reserved, incoming)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[])`,
    [
      holdings.map((h) => h.member),
      holdings.map((h) => h.instrument),
      holdings.map((h) => h.available),
      holdings.map((h) => h.reserved),
      holdings.map((h) => h.incoming),
    ],
  );
  const orders = [...ledger.orders.values()];
  await manager.query(
    `INSERT INTO clearing_orders (order_id, member_id, instrument, side, reserve_price, fee_bp, open_qty, filled, reserved, amend_top_up)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[])`,
    [
      orders.map((o) => o.orderId),
      orders.map((o) => o.member),
      orders.map((o) => o.instrument),
      orders.map((o) => o.side),
      orders.map((o) => o.reservePrice),
      orders.map((o) => o.feeBp),
      orders.map((o) => o.openQty),
      orders.map((o) => o.filled),
      orders.map((o) => o.reserved),
      orders.map((o) => o.amendTopUp),
    ],
  );
  await manager.query(
    `INSERT INTO clearing_fees (instrument, collected) SELECT * FROM unnest($1::text[], $2::bigint[])`,
    [[...ledger.fees.keys()], [...ledger.fees.values()]],
  );
  await manager.query(FILL_CLEARING_SALES);
  return ledger;
}
