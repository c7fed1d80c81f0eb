import type { SessionState, Side, StpMode, TimeInForce } from '../core/codes';

/** Commands as plain objects, mirroring the JSON Lines spec (integers for price and qty). */
export type MatchingCommand =
  | LimitOrderCommand
  | MarketOrderCommand
  | CancelOrderCommand
  | AmendOrderCommand
  | ChangeSessionCommand
  | UncrossAuctionCommand
  | ReportBlockTradeCommand
  | ExpireDayOrdersCommand
  | SetReferencePriceCommand;

export interface LimitOrderCommand {
  type: 'limit';
  id: string;
  account?: string;
  side: Side;
  price: number;
  qty: number;
  tif?: TimeInForce;
  postOnly?: boolean;
  stp?: StpMode;
}

export interface MarketOrderCommand {
  type: 'market';
  id: string;
  account?: string;
  side: Side;
  qty: number;
  stp?: StpMode;
}

export interface CancelOrderCommand {
  type: 'cancel';
  id: string;
}

export interface AmendOrderCommand {
  type: 'amend';
  id: string;
  price?: number;
  qty?: number;
}

export interface ChangeSessionCommand {
  type: 'session';
  session: SessionState;
}

export interface UncrossAuctionCommand {
  type: 'uncross';
}

export interface ReportBlockTradeCommand {
  type: 'block';
  id: string;
  buyer: string;
  seller: string;
  price: number;
  qty: number;
}

export interface ExpireDayOrdersCommand {
  type: 'expire-day';
}

export interface SetReferencePriceCommand {
  type: 'reference-price';
  price: number;
}
