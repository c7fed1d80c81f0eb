import { DomainError } from '@app/domain';
import { bandBounds } from '@app/matching';
import type { InstrumentDefinition } from '@app/platform';
import type { PlaceOrderDto } from './place-order.dto';

/**
 * The instrument's rules in force, checked at the edge so the client learns the field at once:
 * tick, lot, maximum size and the daily band around the reference price (rounded inward to the
 * tick, as the engine does). The engine checks them again: a regulator's decision reaches the
 * book through the queue, so for a moment the two may see different rules.
 */
export function checkAgainstInstrument(order: PlaceOrderDto, instrument: InstrumentDefinition): void {
  const reject = (code: string, field: string, message: string): never => {
    throw new DomainError(code, message, { field });
  };
  if (order.type === 'market' && order.price !== undefined)
    reject('EXCHANGE.PRICE_NOT_ALLOWED', 'price', 'price must be absent on a market order');
  if (order.type === 'market' && order.postOnly)
    reject('EXCHANGE.POST_ONLY_MARKET', 'postOnly', 'a market order cannot be post-only');
  if (order.price !== undefined && order.price % instrument.tick !== 0)
    reject('EXCHANGE.OFF_TICK', 'price', `price must be a multiple of the tick (${instrument.tick} fen)`);
  if (order.price !== undefined) {
    const [low, high] = bandBounds(instrument.referencePrice, instrument.bandBp, instrument.tick);
    if (order.price < low || order.price > high)
      reject('EXCHANGE.OUTSIDE_BAND', 'price', `price must be within the daily band, ${low} to ${high} fen`);
  }
  if (order.qty % instrument.lot !== 0)
    reject('EXCHANGE.OFF_LOT', 'qty', `qty must be a multiple of the lot (${instrument.lot})`);
  if (order.qty > instrument.maxOrderQty)
    reject(
      'EXCHANGE.QTY_ABOVE_MAXIMUM',
      'qty',
      `qty must be at most ${instrument.maxOrderQty} on the listing market`,
    );
}
