import type { SetSessionMessage } from './book-sessions';
import type { CommandActor } from './command-actor';
import { linkGroupOf } from '@app/domain';
import type { InstrumentRuleChanges } from './instrument-events';
import type { OrderLegData, SetMarketModeMessage } from './market-mode';

/** Commands the gateway sends to the matching workers over the queue (one queue per shard). */

export type Side = 'buy' | 'sell';
export type OrderType = 'limit' | 'market';
export type TimeInForce = 'GTC' | 'DAY' | 'IOC' | 'FOK';

export interface PlaceOrderMessage {
  commandId: string;
  orderId: string;
  instrument: string;
  account: string;
  side: Side;
  type: OrderType;
  /** Fen per unit; absent for market orders. */
  price?: number;
  qty: number;
  tif: TimeInForce;
  postOnly: boolean;
  /** Milliseconds since the epoch, from the gateway's clock. */
  receivedAt: number;
  /** Set by the worker on an order it put in a linked book (price and qty then in linked units). */
  leg?: OrderLegData;
}

export interface CancelOrderMessage {
  commandId: string;
  orderId: string;
  instrument: string;
  receivedAt: number;
}

/**
 * Amend a resting order. `qty` is the new open quantity as the gateway saw the order when its
 * open quantity was `openQtySeen`; fills in between lower it by as much (FIX cancel/replace: the
 * new total quantity is what counts), so a reservation made for it always suffices.
 */
export interface AmendOrderMessage {
  commandId: string;
  orderId: string;
  instrument: string;
  price?: number;
  qty?: number;
  openQtySeen: number;
  receivedAt: number;
}

/** A negotiated (block) trade both parties reported; the reservations are made under the two order ids. */
export interface ReportBlockTradeMessage {
  commandId: string;
  tradeId: string;
  instrument: string;
  buyer: string;
  seller: string;
  buyOrderId: string;
  sellOrderId: string;
  price: number;
  qty: number;
  receivedAt: number;
}

/**
 * A command for a matching worker, with who it acts for (`by`). On the queue, a single command's
 * `by` travels in its payload (`{ ...payload, by }`, taken out again by {@link commandsInMessage}),
 * so the payload the book records (an `OrderAccepted`'s order) never holds it.
 */
export type ExchangeCommandMessage = (
  | { name: 'PlaceOrder'; payload: PlaceOrderMessage }
  | { name: 'CancelOrder'; payload: CancelOrderMessage }
  | { name: 'AmendOrder'; payload: AmendOrderMessage }
  | { name: 'ReportBlockTrade'; payload: ReportBlockTradeMessage }
  | { name: 'SetSession'; payload: SetSessionMessage }
  | { name: 'ConfigureBook'; payload: ConfigureBookMessage }
  | { name: 'SetMarketMode'; payload: SetMarketModeMessage }
) & {
  /** The request's principal (order commands) or a service actor (the services' own commands). */
  by?: CommandActor;
};

/** The payload of a single command on the queue: the command's own, plus who it acts for. */
export type WithActor<T> = T & { by?: CommandActor };

/**
 * The orders one gateway transaction entered for one shard, as one queue message (one outbox row,
 * one job, one dedupe record instead of one each per order): applied one after the other, in
 * order, as the same PlaceOrder messages in a row would be. The orders may come from several
 * requests: each principal is listed once (`principals`), and `by[i]` is the index of order i's.
 */
export interface PlaceOrdersMessage {
  orders: PlaceOrderMessage[];
  principals?: CommandActor[];
  by?: number[];
}

/**
 * The commands a shard queue message carries: itself, or the orders of a `PlaceOrders`, each
 * with who it acts for (the orders of one principal share its one object).
 */
export function commandsInMessage(message: { name: string; payload: unknown }): ExchangeCommandMessage[] {
  if (message.name === 'PlaceOrders') {
    const { orders, principals = [], by = [] } = message.payload as PlaceOrdersMessage;
    return orders.map((payload, i) => {
      const k = by[i];
      const actor = Number.isInteger(k) && k >= 0 && k < principals.length ? principals[k] : undefined;
      return actor ? { name: 'PlaceOrder', payload, by: actor } : { name: 'PlaceOrder', payload };
    });
  }
  const { by, ...payload } = (message.payload ?? {}) as WithActor<Record<string, unknown>>;
  return [{ name: message.name, payload, ...(by ? { by } : {}) } as unknown as ExchangeCommandMessage];
}

export const EXCHANGE_QUEUE_PREFIX = 'exchange-shard-';

/**
 * FNV-1a: stable across processes and releases, so an instrument never changes owner by accident.
 * Hashed by link group: both provinces' allowances of a vintage and their linked book share one
 * shard, so one worker can switch them between separate books and one linked book.
 */
export function shardOf(instrument: string, shards: number): number {
  const key = linkGroupOf(instrument);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export function exchangeQueueFor(instrument: string, shards: number): string {
  return `${EXCHANGE_QUEUE_PREFIX}${shardOf(instrument, shards)}`;
}

export function allExchangeQueues(shards: number): string[] {
  return Array.from({ length: shards }, (_, i) => `${EXCHANGE_QUEUE_PREFIX}${i}`);
}

/**
 * Command `ConfigureBook`: a regulator's decision reaching the book's single writer. The worker
 * applies `changes` (the matching engine's `configure`) once `effectiveFromMs` has come; resting
 * orders stay where they are.
 */
export interface ConfigureBookMessage {
  commandId: string;
  instrument: string;
  decisionId: string;
  effectiveFromMs: number;
  changes: Pick<
    InstrumentRuleChanges,
    'referencePrice' | 'bandBp' | 'blockBandBp' | 'blockMinQty' | 'maxOrderQty' | 'tick' | 'lot' | 'modes'
  >;
  receivedAt: number;
}
