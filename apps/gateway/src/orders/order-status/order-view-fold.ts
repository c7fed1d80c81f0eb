import type {
  AmendRejectedData,
  OrderAcceptedData,
  OrderAmendedData,
  OrderCancelledData,
  OrderRejectedData,
  TradeExecutedData,
} from '@app/contracts';
import type { StoredEvent } from '@app/event-store';

/** An `orders_view` row in memory. */
export interface OrderViewState {
  orderId: string;
  instrument: string;
  account: string | null;
  side: string | null;
  type: string | null;
  price: number | null;
  qty: number;
  filled: number;
  remaining: number;
  status: string;
  reason: string | null;
  updatedPosition: number;
}

/** The orders an event changes, so their rows can be read before the batch is folded. */
export function ordersTouchedBy(event: StoredEvent): string[] {
  switch (event.type) {
    case 'OrderAccepted':
      return [(event.data as OrderAcceptedData).order.orderId];
    case 'TradeExecuted': {
      const t = event.data as TradeExecutedData;
      return [t.buyOrderId, t.sellOrderId];
    }
    case 'OrderCancelled':
    case 'OrderAmended':
    case 'AmendRejected':
    case 'OrderRejected':
      return [(event.data as { orderId: string }).orderId];
    default:
      return [];
  }
}

/**
 * Applies the events, in log order, to the rows they touch (`rows` holds the stored ones; a
 * missing order has no row yet) and returns the ids of the rows it changed. Each event changes a
 * row only past the row's `updatedPosition`, so a replayed event changes nothing: accepted orders
 * rest with their full quantity (replacing a rejection under the same id), trades reduce both
 * sides, cancellations clear the rest, amendments reprice and resize what is open.
 */
export function foldOrderEvents(
  rows: Map<string, OrderViewState>,
  events: readonly StoredEvent[],
): Set<string> {
  const changed = new Set<string>();
  const update = (orderId: string, at: number, change: (row: OrderViewState) => boolean | void): void => {
    const row = rows.get(orderId);
    if (!row || row.updatedPosition >= at || change(row) === false) return;
    row.updatedPosition = at;
    changed.add(orderId);
  };
  for (const event of events) {
    const at = event.globalPosition;
    switch (event.type) {
      case 'OrderAccepted': {
        const { order } = event.data as OrderAcceptedData;
        const before = rows.get(order.orderId);
        // A rejected command does not use up its id, so an accepted order may replace a rejection.
        if (before && before.status !== 'rejected') break;
        rows.set(order.orderId, {
          orderId: order.orderId,
          instrument: before?.instrument ?? order.instrument,
          account: order.account,
          side: order.side,
          type: order.type,
          price: order.price ?? null,
          qty: order.qty,
          filled: before?.filled ?? 0,
          remaining: order.qty,
          status: 'open',
          reason: null,
          updatedPosition: at,
        });
        changed.add(order.orderId);
        break;
      }
      case 'TradeExecuted': {
        const t = event.data as TradeExecutedData;
        for (const orderId of new Set([t.buyOrderId, t.sellOrderId]))
          update(orderId, at, (row) => {
            row.filled += t.qty;
            row.remaining -= t.qty;
            row.status = row.remaining === 0 ? 'filled' : 'partially-filled';
          });
        break;
      }
      case 'OrderCancelled': {
        const c = event.data as OrderCancelledData;
        update(c.orderId, at, (row) => {
          row.remaining = 0;
          row.status = 'cancelled';
          row.reason = c.reason;
        });
        break;
      }
      case 'OrderAmended': {
        const a = event.data as OrderAmendedData;
        update(a.orderId, at, (row) => {
          row.price = a.price;
          row.qty = row.filled + a.qty;
          row.remaining = a.qty;
          row.reason = null;
        });
        break;
      }
      case 'AmendRejected': {
        // The order stands as it was; its reason tells why the last amendment was refused.
        const r = event.data as AmendRejectedData;
        update(r.orderId, at, (row) => {
          if (row.status !== 'open' && row.status !== 'partially-filled') return false;
          row.reason = `amend-rejected:${r.reason}`;
        });
        break;
      }
      case 'OrderRejected': {
        const r = event.data as OrderRejectedData;
        if (rows.has(r.orderId)) break;
        rows.set(r.orderId, {
          orderId: r.orderId,
          instrument: r.instrument,
          account: r.account ?? null,
          side: null,
          type: null,
          price: null,
          qty: 0,
          filled: 0,
          remaining: 0,
          status: 'rejected',
          reason: r.reason,
          updatedPosition: at,
        });
        changed.add(r.orderId);
        break;
      }
      default:
        break;
    }
  }
  return changed;
}
