import { EntityManager } from 'typeorm';
import {
  AmendRejectedData,
  OrderAcceptedData,
  OrderAmendedData,
  OrderCancelledData,
  OrderRejectedData,
  TradeExecutedData,
} from '@app/contracts';
import type { StoredEvent } from '@app/event-store';

/**
 * Every order's state from the book events: accepted orders rest with their full quantity,
 * trades reduce both sides, cancellations (user, IOC, market, FOK, self-trade) clear the rest.
 * What is left with `remaining > 0` is exactly the resting book, so depth needs no engine here.
 */
export class OrdersProjection {
  readonly name = 'orders';

  async handle(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      const at = event.globalPosition;
      switch (event.type) {
        case 'OrderAccepted': {
          // A rejected command does not use up its id, so an accepted order may replace a rejection.
          const { order } = event.data as OrderAcceptedData;
          await manager.query(
            `INSERT INTO orders_view (order_id, instrument, account, side, type, price, qty, remaining, status, updated_position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'open', $8)
             ON CONFLICT (order_id) DO UPDATE SET account = $3, side = $4, type = $5, price = $6, qty = $7,
               remaining = $7, status = 'open', reason = NULL, updated_position = $8
             WHERE orders_view.status = 'rejected'`,
            [
              order.orderId,
              order.instrument,
              order.account,
              order.side,
              order.type,
              order.price ?? null,
              order.qty,
              at,
            ],
          );
          break;
        }
        case 'TradeExecuted': {
          const t = event.data as TradeExecutedData;
          await manager.query(
            `UPDATE orders_view SET filled = filled + $2, remaining = remaining - $2,
               status = CASE WHEN remaining - $2 = 0 THEN 'filled' ELSE 'partially-filled' END, updated_position = $3
             WHERE order_id = ANY($1) AND updated_position < $3`,
            [[t.buyOrderId, t.sellOrderId], t.qty, at],
          );
          break;
        }
        case 'OrderCancelled': {
          const c = event.data as OrderCancelledData;
          await manager.query(
            `UPDATE orders_view SET remaining = 0, status = 'cancelled', reason = $2, updated_position = $3
             WHERE order_id = $1 AND updated_position < $3`,
            [c.orderId, c.reason, at],
          );
          break;
        }
        case 'OrderAmended': {
          const a = event.data as OrderAmendedData;
          await manager.query(
            `UPDATE orders_view SET price = $2, qty = filled + $3, remaining = $3, reason = NULL, updated_position = $4
             WHERE order_id = $1 AND updated_position < $4`,
            [a.orderId, a.price, a.qty, at],
          );
          break;
        }
        case 'AmendRejected': {
          // The order stands as it was; its reason tells why the last amendment was refused.
          const r = event.data as AmendRejectedData;
          await manager.query(
            `UPDATE orders_view SET reason = $2, updated_position = $3
             WHERE order_id = $1 AND updated_position < $3 AND status IN ('open', 'partially-filled')`,
            [r.orderId, `amend-rejected:${r.reason}`, at],
          );
          break;
        }
        case 'OrderRejected': {
          const r = event.data as OrderRejectedData;
          await manager.query(
            `INSERT INTO orders_view (order_id, instrument, account, status, reason, updated_position)
             VALUES ($1, $2, $3, 'rejected', $4, $5) ON CONFLICT (order_id) DO NOTHING`,
            [r.orderId, r.instrument, r.account ?? null, r.reason, at],
          );
          break;
        }
        default:
          break;
      }
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE orders_view');
  }
}
