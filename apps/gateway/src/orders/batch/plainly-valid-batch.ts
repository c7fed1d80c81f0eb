import { plainlyValidOrder } from '../place-order/order-body';
import type { PlaceOrderDto } from '../place-order/place-order.dto';
import { MAX_BATCH_ORDERS, type PlaceOrderBatchDto } from './place-order-batch.dto';

/** The batch if it and every order in it are plainly valid ({@link plainlyValidOrder}), else undefined. */
export function plainlyValidBatch(raw: unknown): PlaceOrderBatchDto | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const keys = Object.keys(raw);
  if (keys.length !== 1 || keys[0] !== 'orders') return undefined;
  const list = (raw as { orders: unknown }).orders;
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_BATCH_ORDERS) return undefined;
  const orders: PlaceOrderDto[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const order = plainlyValidOrder(list[i]);
    if (!order) return undefined;
    orders[i] = order;
  }
  return { orders };
}
