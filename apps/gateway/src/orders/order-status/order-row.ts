import type { OrderView } from './order.view';

/** A row of the `orders_view` read model, as `pg` returns it (bigints as strings). */
export interface OrderRow {
  order_id: string;
  instrument: string;
  account: string | null;
  side: string | null;
  price: string | null;
  qty: string;
  filled: string;
  remaining: string;
  status: string;
  reason: string | null;
}

export function toOrderView(r: OrderRow): OrderView {
  return {
    orderId: r.order_id,
    instrument: r.instrument,
    account: r.account ?? undefined,
    side: r.side ?? undefined,
    price: r.price === null ? undefined : Number(r.price),
    qty: Number(r.qty),
    filled: Number(r.filled),
    remaining: Number(r.remaining),
    status: r.status,
    reason: r.reason ?? undefined,
  };
}
