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
  checkListingAllowed(instrument, 'instrument');
  if (order.type === 'market' && order.price !== undefined)
    reject('EXCHANGE.PRICE_NOT_ALLOWED', 'price', 'price must be absent on a market order');
  if (order.type === 'market' && order.postOnly)
    reject('EXCHANGE.POST_ONLY_MARKET', 'postOnly', 'a market order cannot be post-only');
  if (order.price !== undefined) checkPrice(order.price, instrument);
  checkLot(order.qty, instrument);
  if (order.qty > instrument.maxOrderQty)
    reject(
      'EXCHANGE.QTY_ABOVE_MAXIMUM',
      'qty',
      `qty must be at most ${instrument.maxOrderQty} on the listing market`,
    );
}

/**
 * The instrument takes listing orders in some session: continuous trading or the call auctions.
 * Which session the book is in is the book's to check (an order in a session whose mode is not
 * allowed is rejected there as `mode-not-allowed`).
 */
export function checkListingAllowed(instrument: InstrumentDefinition, field: string): void {
  if (instrument.modes.includes('continuous') || instrument.modes.includes('auction')) return;
  const modes =
    instrument.modes.length > 0 ? `only ${instrument.modes.join(', ')}` : 'none: trading is suspended';
  throw new DomainError(
    'EXCHANGE.MODE_NOT_ALLOWED',
    `${instrument.symbol} takes no listing orders (trading modes: ${modes})`,
    { field },
  );
}

/** A limit price on the tick and inside the daily band (rounded inward to the tick, as the engine does). */
export function checkPrice(price: number, instrument: InstrumentDefinition): void {
  if (price % instrument.tick !== 0)
    throw new DomainError(
      'EXCHANGE.OFF_TICK',
      `price must be a multiple of the tick (${instrument.tick} fen)`,
      {
        field: 'price',
      },
    );
  const [low, high] = bandBounds(instrument.referencePrice, instrument.bandBp, instrument.tick);
  if (price < low || price > high)
    throw new DomainError(
      'EXCHANGE.OUTSIDE_BAND',
      `price must be within the daily band, ${low} to ${high} fen`,
      {
        field: 'price',
      },
    );
}

/** A quantity in whole lots. */
export function checkLot(qty: number, instrument: InstrumentDefinition): void {
  if (qty % instrument.lot !== 0)
    throw new DomainError('EXCHANGE.OFF_LOT', `qty must be a multiple of the lot (${instrument.lot})`, {
      field: 'qty',
    });
}
