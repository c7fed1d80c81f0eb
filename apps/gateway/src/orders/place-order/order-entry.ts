import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/domain';
import type { CommandActor, PlaceOrdersMessage, WithActor, PlaceOrderMessage } from '@app/contracts';
import { Outbox, type OutboxMessage } from '@app/messaging';
import { OrderReservations } from '../../accounts/order-reservations';
import type { OrderCandidate } from './order-candidate';
import type { OrderAcknowledgement } from './place-order.command';

/** What became of one order: received now or earlier (a resend), or refused with nothing left behind. */
export type OrderOutcome =
  | { status: 'received'; ack: OrderAcknowledgement; replayed: boolean }
  | { status: 'refused'; error: DomainError };

interface RequestRow {
  order_id: string;
  /** null for a row this statement inserted. */
  body_hash: string | null;
  ack: OrderAcknowledgement | null;
}

/**
 * Claims the keys and, in the same statement, reads back the requests already under the keys it
 * could not claim. A key claimed by a transaction that committed while this statement waited is
 * not in its snapshot: the caller reads those again.
 */
const CLAIM_KEYS_SQL = `
  WITH claimed AS (
    INSERT INTO order_requests (order_id, body_hash, ack)
    SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[]) ON CONFLICT (order_id) DO NOTHING
    RETURNING order_id)
  SELECT order_id, NULL AS body_hash, NULL::jsonb AS ack FROM claimed
  UNION ALL
  SELECT r.order_id, r.body_hash, r.ack FROM order_requests r
   WHERE r.order_id = ANY($1::text[]) AND r.order_id NOT IN (SELECT order_id FROM claimed)`;

interface EarlierRequest {
  body_hash: string;
  ack: OrderAcknowledgement;
}

const keyConflict = (orderId: string): DomainError =>
  new DomainError(
    'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT',
    `clientOrderId ${orderId} was already used for a different order`,
    { field: 'clientOrderId' },
  );

/**
 * Enters a set of orders in the caller's transaction with a fixed handful of statements however
 * many there are: claim the idempotency keys (one), lock the members' cash rows and load their
 * accounts (two), write the reservations and their events (two), queue the commands (one), and
 * drop the keys of refused orders (one, only if some were). A shard's orders go to it as one
 * message ({@link shardMessages}). Each order is decided as if sent
 * alone, in the given order; a refused order reserves nothing. The ids must be distinct.
 */
@Injectable()
export class OrderEntry {
  constructor(
    private readonly outbox: Outbox,
    private readonly reservations: OrderReservations,
  ) {}

  async enter(manager: EntityManager, orders: readonly OrderCandidate[]): Promise<OrderOutcome[]> {
    if (orders.length === 0) return [];
    const { claimed, previous } = await this.claimKeys(manager, orders);
    const outcomes: OrderOutcome[] = new Array(orders.length);
    const fresh: number[] = [];
    orders.forEach((order, i) => {
      const before = previous.get(order.orderId);
      if (claimed.has(order.orderId)) fresh.push(i);
      else if (before === undefined)
        throw new Error(`order request ${order.orderId} neither claimed nor found`);
      else
        outcomes[i] =
          before.body_hash === order.hash
            ? { status: 'received', ack: before.ack, replayed: true }
            : { status: 'refused', error: keyConflict(order.orderId) };
    });
    const decisions = await this.reservations.reserve(
      manager,
      fresh.map((i) => orders[i].reserve),
    );
    const refusedKeys: string[] = [];
    const accepted: OrderCandidate[] = [];
    fresh.forEach((i, k) => {
      const error = decisions[k];
      if (error) {
        refusedKeys.push(orders[i].orderId);
        outcomes[i] = { status: 'refused', error };
      } else {
        accepted.push(orders[i]);
        outcomes[i] = { status: 'received', ack: orders[i].ack, replayed: false };
      }
    });
    if (refusedKeys.length > 0)
      await manager.query('DELETE FROM order_requests WHERE order_id = ANY($1::text[])', [refusedKeys]);
    await this.outbox.enqueue(manager, shardMessages(accepted));
    return outcomes;
  }

  /** The keys this transaction claimed, and the earlier request under each key it could not. */
  private async claimKeys(
    manager: EntityManager,
    orders: readonly OrderCandidate[],
  ): Promise<{ claimed: Set<string>; previous: Map<string, EarlierRequest> }> {
    const ids = orders.map((o) => o.orderId);
    const rows: RequestRow[] = await manager.query(CLAIM_KEYS_SQL, [
      ids,
      orders.map((o) => o.hash),
      orders.map((o) => JSON.stringify(o.ack)),
    ]);
    const previous = new Map<string, EarlierRequest>();
    const claimed = new Set<string>();
    for (const row of rows)
      if (row.body_hash === null) claimed.add(row.order_id);
      else previous.set(row.order_id, { body_hash: row.body_hash, ack: row.ack! });
    const unseen = ids.filter((id) => !claimed.has(id) && !previous.has(id));
    if (unseen.length > 0) {
      const late: RequestRow[] = await manager.query(
        'SELECT order_id, body_hash, ack FROM order_requests WHERE order_id = ANY($1::text[])',
        [unseen],
      );
      for (const row of late) previous.set(row.order_id, { body_hash: row.body_hash!, ack: row.ack! });
    }
    return { claimed, previous };
  }
}

/**
 * One queue message per shard for the orders it takes, in their order: the order's own
 * PlaceOrder when it is alone, else a PlaceOrders named by its first order's command, so the
 * outbox row, the job and the consumer's dedupe record are shared by the group. Each carries who
 * the orders act for: a PlaceOrder its principal (`by`), a PlaceOrders each principal once.
 */
export function shardMessages(accepted: readonly OrderCandidate[]): OutboxMessage[] {
  const byQueue = new Map<string, OrderCandidate[]>();
  for (const c of accepted) {
    const list = byQueue.get(c.queue);
    if (list) list.push(c);
    else byQueue.set(c.queue, [c]);
  }
  return [...byQueue].map(([queue, orders]) =>
    orders.length === 1
      ? {
          queue,
          name: 'PlaceOrder',
          payload: withActor(orders[0].message, orders[0].principal),
          messageId: orders[0].message.commandId,
        }
      : {
          queue,
          name: 'PlaceOrders',
          payload: {
            orders: orders.map((o) => o.message),
            ...principalsOf(orders),
          } satisfies PlaceOrdersMessage,
          messageId: `orders:${orders[0].message.commandId}`,
        },
  );
}

const withActor = (message: PlaceOrderMessage, by: CommandActor | undefined): WithActor<PlaceOrderMessage> =>
  by ? { ...message, by } : message;

/**
 * Each principal once and each order's index in them (-1: none). A request's orders share one
 * object; the same principal in several requests is found by its content, read once per request.
 */
function principalsOf(orders: readonly OrderCandidate[]): Pick<PlaceOrdersMessage, 'principals' | 'by'> {
  const principals: CommandActor[] = [];
  const byObject = new Map<CommandActor, number>();
  const byContent = new Map<string, number>();
  const by = new Array<number>(orders.length);
  orders.forEach((o, i) => {
    if (!o.principal) {
      by[i] = -1;
      return;
    }
    let k = byObject.get(o.principal);
    if (k === undefined) {
      const key = JSON.stringify(o.principal);
      k = byContent.get(key) ?? principals.push(o.principal) - 1;
      byContent.set(key, k);
      byObject.set(o.principal, k);
    }
    by[i] = k;
  });
  return principals.length > 0 ? { principals, by } : {};
}
