import { createHash } from 'node:crypto';
import type { PlaceOrderMessage } from '@app/contracts';
import type { OrderAcknowledgement } from './place-order.command';
import type { PlaceOrderDto } from './place-order.dto';

/** The command the matching worker gets for an accepted order, and the client's acknowledgement. */
export function placeOrderMessage(
  order: PlaceOrderDto,
  orderId: string,
  receivedAt: number,
): { message: PlaceOrderMessage; ack: OrderAcknowledgement } {
  const message: PlaceOrderMessage = {
    commandId: `place:${orderId}`,
    orderId,
    instrument: order.instrument,
    account: order.account,
    side: order.side,
    type: order.type,
    ...(order.type === 'limit' ? { price: order.price } : {}),
    qty: order.qty,
    tif: order.tif,
    postOnly: order.postOnly,
    receivedAt,
  };
  const ack: OrderAcknowledgement = {
    orderId,
    commandId: message.commandId,
    instrument: order.instrument,
    status: 'received',
    receivedAt,
  };
  return { message, ack };
}

/** What makes two orders under one clientOrderId the same order. */
export function hashOrder(order: PlaceOrderDto): string {
  const { instrument, account, side, type, price, qty, tif, postOnly } = order;
  return createHash('sha256')
    .update(JSON.stringify([instrument, account, side, type, price ?? null, qty, tif, postOnly]))
    .digest('hex');
}
