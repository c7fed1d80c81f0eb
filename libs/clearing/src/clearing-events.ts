import type { Jurisdiction } from '@app/domain';

export type Side = 'buy' | 'sell';

/**
 * Every change to a member's cash or holdings is one of these events. Each carries the exact
 * amounts it moves, so folding them in log order (`ClearingLedger.apply`) rebuilds every balance.
 */
export type ClearingEvent =
  | { type: 'MemberRegistered'; data: MemberRegisteredData }
  | { type: 'CashDeposited'; data: CashMovementData }
  | { type: 'CashWithdrawn'; data: CashMovementData }
  | { type: 'UnitsDeposited'; data: UnitsDepositedData }
  | { type: 'UnitsWithdrawn'; data: UnitsWithdrawnData }
  | { type: 'UnitsWithdrawalRefused'; data: UnitsWithdrawalRefusedData }
  | { type: 'OrderReserved'; data: OrderReservedData }
  | { type: 'ReservationIncreased'; data: ReservationIncreasedData }
  | { type: 'ReservationReleased'; data: ReservationReleasedData }
  | { type: 'TradeSettled'; data: TradeSettledData };

export type ClearingEventType = ClearingEvent['type'];

export interface MemberRegisteredData {
  member: string;
  name: string;
  jurisdiction: Jurisdiction;
  /** Most units of one instrument the member may hold, counting open buy orders; none if absent. */
  positionLimit?: number;
}

export interface CashMovementData {
  member: string;
  /** Fen, > 0. */
  amount: number;
  reference: string;
}

export interface UnitsDepositedData {
  member: string;
  instrument: string;
  qty: number;
  /** The registry transfer that moved the units into the exchange's trading account. */
  registryTransfer: string;
}

/** Available units taken out of the exchange; the registry moves them from custody back to the member. */
export interface UnitsWithdrawnData {
  member: string;
  instrument: string;
  qty: number;
  /** The member's withdrawal reference (idempotency key of the request). */
  reference: string;
}

export interface OrderReservedData {
  orderId: string;
  member: string;
  instrument: string;
  side: Side;
  /** Price the reservation is computed at: the limit, or the band's edge for a market buy. */
  reservePrice: number;
  qty: number;
  /** Buyer's fee rate this order will pay (bp), fixed when it is reserved. */
  feeBp: number;
  /** Fen reserved for a buy (price × qty + fee), units for a sell. */
  amount: number;
}

/**
 * The registry refused to move withdrawn units out of custody: they are credited back to the
 * member's available holding, with the registry's reason (the withdrawal is undone, never lost).
 */
export interface UnitsWithdrawalRefusedData {
  member: string;
  instrument: string;
  qty: number;
  /** The refused withdrawal's reference. */
  reference: string;
  /** The registry's refusal (its error code and message). */
  reason: string;
}

/** More reserved for an order being amended upwards, before the book applies the amendment. */
export interface ReservationIncreasedData {
  orderId: string;
  member: string;
  instrument: string;
  side: Side;
  amount: number;
}

/**
 * Reservation handed back to the member: the order ended (cancel, expiry, reject, fill) or was
 * amended. `openQtyChange` is the change in the order's open quantity (negative when it ends;
 * an amendment may raise it) and `reservePrice` the order's reserve price after it.
 */
export interface ReservationReleasedData {
  orderId: string;
  member: string;
  instrument: string;
  side: Side;
  amount: number;
  reason: string;
  reservePrice: number;
  openQtyChange: number;
  /** The book has answered the order's pending amendment: its top-up is settled by this release. */
  endsAmendment?: boolean;
}

/**
 * Delivery versus payment of one trade: the buyer's reserved cash pays the seller (less the
 * seller's fee) and the fees; the seller's reserved units go to the buyer; what the buyer had
 * reserved above the trade price is released at once (`buyerReleased`).
 */
export interface TradeSettledData {
  instrument: string;
  tradeNo: number;
  price: number;
  qty: number;
  buyer: string;
  seller: string;
  buyOrderId: string;
  sellOrderId: string;
  buyerFee: number;
  sellerFee: number;
  buyerReleased: number;
  block?: boolean;
  /** A block trade's id (block trades are not numbered with the book's trades: `tradeNo` is 0). */
  blockTradeId?: string;
  /**
   * A trade of a linked book (both provinces' allowances in one book): `instrument`, `price` and
   * `qty` are the linked book's (linked units; the notional is still price × qty), and each side's
   * order is on its own province's allowance, counted in its own units. Absent: both legs are
   * `instrument` × `qty`.
   */
  legs?: LinkedLegs;
}

/** What each side of a linked trade moves, in its own instrument's units. */
export interface LinkedLegs {
  /** The buy order's instrument and how much its open quantity drops. */
  buy: TradeLeg;
  /** The seller's allowances delivered to the buyer: the buyer receives these very units. */
  sell: TradeLeg;
}

export interface TradeLeg {
  instrument: string;
  qty: number;
}

/** The legs of a settled trade, linked or not. */
export function legsOf(d: Pick<TradeSettledData, 'instrument' | 'qty' | 'legs'>): LinkedLegs {
  return (
    d.legs ?? {
      buy: { instrument: d.instrument, qty: d.qty },
      sell: { instrument: d.instrument, qty: d.qty },
    }
  );
}
