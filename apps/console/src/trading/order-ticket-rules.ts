import { bandBounds } from '@app/matching';
import type { Instrument, OrderTicket } from '../api/types';

/** What the user typed, as typed. */
export interface TicketInput {
  side: 'buy' | 'sell';
  type: 'limit' | 'market';
  tif: OrderTicket['tif'];
  /** Yuan per unit, up to two decimals, e.g. "36.50". */
  price: string;
  qty: string;
}

/** What the member can spend or deliver, when the console knows it. */
export interface TicketLimits {
  availableCash?: number;
  availableUnits?: number;
}

/** A message key of the console's dictionaries, with its parameters (money in fen: the text formats it as yuan). */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export type TicketErrors = Partial<Record<'price' | 'qty', FieldError>>;

/**
 * Why the instrument takes no listing order now, as a message key: its trading is suspended
 * (no mode at all) or it trades in blocks only; undefined when continuous trading or the call
 * auctions are allowed (the exchange refuses such an order with EXCHANGE.MODE_NOT_ALLOWED).
 */
export function noListingReason(instrument: Pick<Instrument, 'modes'>): string | undefined {
  const { modes } = instrument;
  if (modes.includes('continuous') || modes.includes('auction')) return undefined;
  return modes.length === 0 ? 'ticket.suspended' : 'ticket.blocksOnly';
}

/**
 * The checks the exchange would make, run before sending so the message sits next to the field:
 * positive integers, tick, lot, maximum size and the daily band (the same rounding as the engine).
 */
export function checkTicket(
  input: TicketInput,
  instrument: Instrument,
  account: string,
  limits: TicketLimits = {},
): { ticket?: OrderTicket; errors: TicketErrors } {
  const errors: TicketErrors = {};
  const qty = parseWholeNumber(input.qty);
  if (qty === undefined || qty <= 0) errors.qty = { key: 'errors.qtyPositive' };
  else if (qty % instrument.lot !== 0) errors.qty = { key: 'errors.offLot', params: { lot: instrument.lot } };
  else if (qty > instrument.maxOrderQty)
    errors.qty = { key: 'errors.aboveMax', params: { max: instrument.maxOrderQty } };
  else if (input.side === 'sell' && limits.availableUnits !== undefined && qty > limits.availableUnits)
    errors.qty = { key: 'errors.notEnoughUnits', params: { available: limits.availableUnits } };

  let price: number | undefined;
  if (input.type === 'limit') {
    price = parseYuanToFen(input.price);
    const [low, high] = bandBounds(instrument.referencePrice, instrument.bandBp, instrument.tick);
    if (price === undefined || price <= 0) errors.price = { key: 'errors.pricePositive' };
    else if (price % instrument.tick !== 0)
      errors.price = { key: 'errors.offTick', params: { tick: instrument.tick } };
    else if (price < low || price > high) errors.price = { key: 'errors.outsideBand', params: { low, high } };
    else if (
      input.side === 'buy' &&
      qty !== undefined &&
      limits.availableCash !== undefined &&
      price * qty > limits.availableCash
    )
      errors.price = { key: 'errors.notEnoughCash', params: { available: limits.availableCash } };
  }

  if (Object.keys(errors).length > 0 || qty === undefined) return { errors };
  return {
    errors,
    ticket: {
      instrument: instrument.symbol,
      account,
      side: input.side,
      type: input.type,
      ...(input.type === 'limit' ? { price } : {}),
      qty,
      tif: input.type === 'market' ? 'IOC' : input.tif,
    },
  };
}

function parseWholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,15}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** "36.5" → 3650 fen, without floating point; anything else (three decimals, letters, sign) → undefined. */
export function parseYuanToFen(text: string): number | undefined {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 3650 → "36.50" (yuan, two decimals). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
