import { randomUUID } from 'node:crypto';
import { exchangeQueueFor, type CommandActor, type PlaceOrderMessage } from '@app/contracts';
import { DomainError } from '@app/domain';
import type { InstrumentCatalogue } from '@app/platform';
import type { OrderToReserve } from '../../accounts/order-reservations';
import { checkAgainstInstrument } from './check-against-instrument';
import type { OrderAcknowledgement } from './place-order.command';
import type { PlaceOrderDto } from './place-order.dto';
import { hashOrder, placeOrderMessage } from './place-order-message';

/** An order that passed the edge checks, with everything its transaction writes already computed. */
export interface OrderCandidate {
  orderId: string;
  /** What makes a resend under the same clientOrderId the same order. */
  hash: string;
  ack: OrderAcknowledgement;
  message: PlaceOrderMessage;
  /** The shard queue of its instrument. */
  queue: string;
  reserve: OrderToReserve;
  /** The request's principal, as its command carries it (one object shared by a request's orders). */
  principal?: CommandActor;
}

/**
 * Checks an order against the rules in force at `now` (unknown instrument, tick, lot, band, size:
 * a DomainError naming the field) and prepares its idempotency row, reservation and command.
 */
export function orderCandidate(
  order: PlaceOrderDto,
  catalogue: InstrumentCatalogue,
  now: number,
  shards: number,
): OrderCandidate {
  const instrument = catalogue.rulesAt(order.instrument, now);
  if (!instrument)
    throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${order.instrument}`, {
      field: 'instrument',
    });
  checkAgainstInstrument(order, instrument);
  const orderId = order.clientOrderId ?? randomUUID();
  const { message, ack } = placeOrderMessage(order, orderId, now);
  return {
    orderId,
    hash: hashOrder(order),
    ack,
    message,
    queue: exchangeQueueFor(order.instrument, shards),
    reserve: {
      orderId,
      account: order.account,
      side: order.side,
      price: order.price,
      qty: order.qty,
      instrument,
      metadata: { commandId: message.commandId },
    },
  };
}
