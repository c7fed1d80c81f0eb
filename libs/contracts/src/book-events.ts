import type { BookConfiguredData } from './book-rules';
import type { SessionChangedData } from './book-sessions';
import type { PlaceOrderMessage, Side } from './exchange-commands';
import type { MarketModeAppliedData, TradeLegsData } from './market-mode';

/** Events of an instrument's order-book stream (`book-<instrument>`), the truth the read models follow. */
export const bookStreamId = (instrument: string): string => `book-${instrument}`;

export interface OrderAcceptedData {
  order: PlaceOrderMessage;
}
export interface OrderRejectedData {
  orderId: string;
  instrument: string;
  account?: string;
  reason: string;
  /** Why, in words, when the reason code alone does not say (an access refusal names who and what). */
  detail?: string;
}
export interface TradeExecutedData {
  instrument: string;
  /** Per-instrument trade number, from 1. */
  tradeNo: number;
  price: number;
  qty: number;
  makerOrderId: string;
  takerOrderId: string;
  buyOrderId: string;
  sellOrderId: string;
  buyer: string;
  seller: string;
  aggressor: Side;
  executedAt: number;
  /** Linked books only: `price` and `qty` are in linked units; each side's own instrument and units. */
  legs?: TradeLegsData;
}
export interface OrderCancelledData {
  orderId: string;
  instrument: string;
  /** Quantity that was still open. */
  qty: number;
  reason: string;
}

export interface OrderAmendedData {
  orderId: string;
  instrument: string;
  price: number;
  /** The order's open quantity after the amendment. */
  qty: number;
}
/** An amendment the book refused (the order itself is unchanged). */
export interface AmendRejectedData {
  orderId: string;
  instrument: string;
  reason: string;
  detail?: string;
}
export interface BlockTradeExecutedData {
  instrument: string;
  tradeId: string;
  price: number;
  qty: number;
  buyer: string;
  seller: string;
  buyOrderId: string;
  sellOrderId: string;
  executedAt: number;
}
export interface BlockTradeRejectedData {
  instrument: string;
  tradeId: string;
  buyOrderId: string;
  sellOrderId: string;
  reason: string;
  detail?: string;
}

export type BookEvent =
  | { type: 'OrderAccepted'; data: OrderAcceptedData }
  | { type: 'OrderRejected'; data: OrderRejectedData }
  | { type: 'TradeExecuted'; data: TradeExecutedData }
  | { type: 'OrderCancelled'; data: OrderCancelledData }
  | { type: 'OrderAmended'; data: OrderAmendedData }
  | { type: 'AmendRejected'; data: AmendRejectedData }
  | { type: 'BlockTradeExecuted'; data: BlockTradeExecutedData }
  | { type: 'BlockTradeRejected'; data: BlockTradeRejectedData }
  | { type: 'SessionChanged'; data: SessionChangedData }
  | { type: 'BookConfigured'; data: BookConfiguredData }
  | { type: 'MarketModeApplied'; data: MarketModeAppliedData };
