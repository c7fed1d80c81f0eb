import { DomainError, isJurisdiction, type Jurisdiction } from '@app/domain';
import {
  legsOf,
  type ClearingEvent,
  type LinkedLegs,
  type ReservationReleasedData,
  type Side,
  type TradeSettledData,
} from './clearing-events';
import { requiredReservation } from './clearing-deltas';
import type { ClearingView, MemberAccount, OrderReservation } from './clearing-state';
import { buyReservation, feeOn, notionalOf } from './fees';

const fail = (code: string, message: string, field: string, details: Record<string, unknown> = {}): never => {
  throw new DomainError(code, message, { field, ...details });
};

const positive = (v: number, field: string): void => {
  if (!Number.isSafeInteger(v) || v <= 0)
    fail('CLEARING.NOT_POSITIVE', `${field} must be a positive integer`, field);
};

function memberOf(view: ClearingView, id: string, field = 'member'): MemberAccount {
  return view.member(id) ?? fail('CLEARING.UNKNOWN_MEMBER', `no member ${id}`, field);
}

export interface RegisterMember {
  member: string;
  name: string;
  jurisdiction: Jurisdiction;
  positionLimit?: number;
}

export function registerMember(view: ClearingView, c: RegisterMember): ClearingEvent[] {
  if (view.member(c.member))
    fail('CLEARING.DUPLICATE_MEMBER', `member ${c.member} already exists`, 'memberId');
  if (!isJurisdiction(c.jurisdiction))
    fail('CLEARING.BAD_JURISDICTION', 'unknown jurisdiction', 'jurisdiction');
  if (c.positionLimit !== undefined) positive(c.positionLimit, 'positionLimit');
  return [{ type: 'MemberRegistered', data: { ...c } }];
}

export function depositCash(
  view: ClearingView,
  member: string,
  amount: number,
  reference: string,
): ClearingEvent[] {
  memberOf(view, member);
  positive(amount, 'amount');
  return [{ type: 'CashDeposited', data: { member, amount, reference } }];
}

export function withdrawCash(
  view: ClearingView,
  member: string,
  amount: number,
  reference: string,
): ClearingEvent[] {
  const account = memberOf(view, member);
  positive(amount, 'amount');
  if (account.cash.available < amount)
    fail('CLEARING.INSUFFICIENT_CASH', `only ${account.cash.available} fen available`, 'amount', {
      available: account.cash.available,
    });
  return [{ type: 'CashWithdrawn', data: { member, amount, reference } }];
}

export function depositUnits(
  view: ClearingView,
  member: string,
  instrument: string,
  qty: number,
  registryTransfer: string,
): ClearingEvent[] {
  memberOf(view, member);
  positive(qty, 'qty');
  return [{ type: 'UnitsDeposited', data: { member, instrument, qty, registryTransfer } }];
}

export function withdrawUnits(
  view: ClearingView,
  member: string,
  instrument: string,
  qty: number,
  reference: string,
): ClearingEvent[] {
  const account = memberOf(view, member);
  positive(qty, 'qty');
  const available = account.holdings.get(instrument)?.available ?? 0;
  if (available < qty)
    fail('CLEARING.INSUFFICIENT_UNITS', `only ${available} ${instrument} available`, 'qty', { available });
  return [{ type: 'UnitsWithdrawn', data: { member, instrument, qty, reference } }];
}

/** The registry refused a withdrawal the exchange had debited: the units come back to the member. */
export function refuseUnitWithdrawal(
  view: ClearingView,
  withdrawal: { member: string; instrument: string; qty: number; reference: string },
  reason: string,
): ClearingEvent[] {
  memberOf(view, withdrawal.member);
  positive(withdrawal.qty, 'qty');
  return [{ type: 'UnitsWithdrawalRefused', data: { ...withdrawal, reason } }];
}

export interface ReserveForOrder {
  orderId: string;
  member: string;
  instrument: string;
  side: Side;
  /** The limit price; for a market order, absent (a buy reserves at `bandHigh`). */
  price?: number;
  qty: number;
  /** Upper edge of the instrument's daily band: the most a market buy can pay. */
  bandHigh: number;
  /** Fee rate of this order's side (bp). */
  feeBp: number;
}

/**
 * Pre-trade risk: a buy holds back price × qty plus its fee, a sell holds back the units (no
 * short selling); a member with a position limit may not hold, with its open buys, more than it.
 */
export function reserveForOrder(view: ClearingView, c: ReserveForOrder): ClearingEvent[] {
  const account = memberOf(view, c.member, 'account');
  positive(c.qty, 'qty');
  if (view.order(c.orderId))
    fail('CLEARING.DUPLICATE_ORDER', `order ${c.orderId} is already reserved`, 'clientOrderId');
  const reservePrice = c.price ?? (c.side === 'buy' ? c.bandHigh : 0);
  const holding = account.holdings.get(c.instrument);
  let amount: number;
  if (c.side === 'buy') {
    positive(reservePrice, 'price');
    amount = buyReservation(reservePrice, c.qty, c.feeBp);
    if (account.cash.available < amount)
      fail(
        'CLEARING.INSUFFICIENT_CASH',
        `the order needs ${amount} fen, ${account.cash.available} available`,
        'qty',
        {
          required: amount,
          available: account.cash.available,
        },
      );
    if (account.positionLimit !== undefined) {
      const exposure =
        (holding?.available ?? 0) + (holding?.reserved ?? 0) + (holding?.incoming ?? 0) + c.qty;
      if (exposure > account.positionLimit)
        fail(
          'CLEARING.POSITION_LIMIT_EXCEEDED',
          `would hold ${exposure}, limit ${account.positionLimit}`,
          'qty',
          {
            limit: account.positionLimit,
          },
        );
    }
  } else {
    amount = c.qty;
    const available = holding?.available ?? 0;
    if (available < amount)
      fail('CLEARING.INSUFFICIENT_UNITS', `the order sells ${amount}, ${available} available`, 'qty', {
        required: amount,
        available,
      });
  }
  return [
    {
      type: 'OrderReserved',
      data: {
        orderId: c.orderId,
        member: c.member,
        instrument: c.instrument,
        side: c.side,
        reservePrice,
        qty: c.qty,
        feeBp: c.feeBp,
        amount,
      },
    },
  ];
}

export interface AmendReservation {
  orderId: string;
  /** New limit price, if it changes. */
  price?: number;
  /** New total quantity of the order (filled included), if it changes. */
  qty?: number;
}

/**
 * Tops up an order's reservation before an amendment goes to the book, for the worst case over
 * the fills that may arrive meanwhile (see {@link amendmentNeed}); the book worker hands back any
 * surplus once the book has answered (`settleAmendment`).
 */
export function reserveForAmendment(view: ClearingView, c: AmendReservation): ClearingEvent[] {
  const order =
    view.order(c.orderId) ?? fail('CLEARING.ORDER_NOT_FOUND', `order ${c.orderId} is not open`, 'orderId');
  if (order.amendTopUp !== null)
    fail(
      'CLEARING.AMEND_PENDING_CONFLICT',
      `an amendment of ${c.orderId} is still on its way to the book`,
      'orderId',
    );
  if (c.price !== undefined) positive(c.price, 'price');
  if (c.qty !== undefined) positive(c.qty, 'qty');
  const openQty = (c.qty ?? order.filled + order.openQty) - order.filled;
  if (openQty <= 0)
    fail('CLEARING.AMEND_BELOW_FILLED', `qty must exceed the ${order.filled} already filled`, 'qty');
  const need = amendmentNeed(order, { price: c.price, openQty });
  const extra = Math.max(0, need - order.reserved);
  const account = memberOf(view, order.member, 'account');
  const available =
    order.side === 'buy' ? account.cash.available : (account.holdings.get(order.instrument)?.available ?? 0);
  if (extra > 0 && available < extra)
    fail(
      order.side === 'buy' ? 'CLEARING.INSUFFICIENT_CASH' : 'CLEARING.INSUFFICIENT_UNITS',
      `the amendment needs ${extra} more, ${available} available`,
      'qty',
      { required: extra, available },
    );
  return [
    {
      type: 'ReservationIncreased',
      data: {
        orderId: order.orderId,
        member: order.member,
        instrument: order.instrument,
        side: order.side,
        amount: extra,
      },
    },
  ];
}

/**
 * What an order must hold for an amendment to `after.openQty` open (at `after.price` for a buy)
 * to be covered whatever fills the book makes before it applies it. The book lowers the new open
 * quantity by each fill, while a buy's fill uses up the reservation at the old price: when the
 * price goes down, the more fills come first, the more is needed (linear in the number of fills,
 * so the worst is at one end), and the fee's rounding down per fill adds at most one fen.
 */
export function amendmentNeed(
  order: Pick<OrderReservation, 'side' | 'reservePrice' | 'feeBp' | 'openQty' | 'reserved' | 'amendTopUp'>,
  after: { price?: number; openQty: number },
): number {
  const repriced = { ...order, reservePrice: after.price ?? order.reservePrice };
  const need = requiredReservation(repriced, after.openQty);
  if (order.side === 'sell') return need;
  const held = order.reserved - (order.amendTopUp ?? 0);
  // With k fills first the order holds held − (required now − required after k), and needs this much.
  const mostFills = Math.min(order.openQty, after.openQty - 1);
  const atMostFills =
    requiredReservation(repriced, after.openQty - mostFills) +
    held -
    requiredReservation(order, order.openQty - mostFills);
  const worst = Math.max(need, atMostFills);
  return worst + (order.feeBp > 0 && mostFills > 0 ? 1 : 0);
}

/**
 * What an amendment still lacks when the book is about to apply it: `base` is the order's
 * reservation as loaded, `openNow` its open quantity in the book now (fills since `base` was
 * loaded have each used up exactly what they no longer need), `after` what the amendment makes
 * of it. Zero when covered; the book worker refuses the amendment otherwise.
 */
export function amendmentShortfall(
  base: OrderReservation,
  openNow: number,
  after: { price?: number; openQty: number },
): number {
  const heldNow =
    base.reserved - requiredReservation(base, base.openQty) + requiredReservation(base, openNow);
  const reservePrice = base.side === 'buy' ? (after.price ?? base.reservePrice) : base.reservePrice;
  return Math.max(0, requiredReservation({ ...base, reservePrice }, after.openQty) - heldNow);
}

function release(
  order: OrderReservation,
  amount: number,
  reason: string,
  reservePrice: number,
  openQtyChange: number,
  endsAmendment = false,
): ClearingEvent[] {
  if (amount < 0) throw new Error(`reservation of ${order.orderId} is short by ${-amount}`);
  if (amount === 0 && openQtyChange === 0 && reservePrice === order.reservePrice && !endsAmendment) return [];
  const data: ReservationReleasedData = {
    orderId: order.orderId,
    member: order.member,
    instrument: order.instrument,
    side: order.side,
    amount,
    reason,
    reservePrice,
    openQtyChange,
    ...(endsAmendment ? { endsAmendment } : {}),
  };
  return [{ type: 'ReservationReleased', data }];
}

/** The order ended in the book (cancelled, expired, rejected): everything it still holds goes back. */
export function releaseOrder(view: ClearingView, orderId: string, reason: string): ClearingEvent[] {
  const order = view.order(orderId);
  if (!order) return [];
  return release(order, order.reserved, reason, order.reservePrice, -order.openQty);
}

/**
 * The book answered an amendment: its open quantity and price are now these (unchanged if it was
 * refused); whatever the reservation holds above what they need goes back.
 */
export function settleAmendment(
  view: ClearingView,
  orderId: string,
  after: { price: number; openQty: number },
  reason: string,
): ClearingEvent[] {
  const order = view.order(orderId);
  if (!order) return [];
  const reservePrice = order.side === 'buy' ? after.price : order.reservePrice;
  const need = requiredReservation({ ...order, reservePrice }, after.openQty);
  return release(order, order.reserved - need, reason, reservePrice, after.openQty - order.openQty, true);
}

export interface TradeToSettle {
  instrument: string;
  tradeNo: number;
  price: number;
  qty: number;
  buyer: string;
  seller: string;
  buyOrderId: string;
  sellOrderId: string;
  block?: boolean;
  blockTradeId?: string;
  /** A linked book's trade: each order's own instrument and units (see {@link TradeSettledData.legs}). */
  legs?: LinkedLegs;
}

/**
 * Delivery versus payment, all or nothing: both orders must hold enough for the trade, or this
 * throws and the caller's transaction (book events included) rolls back.
 */
export function settleTrade(view: ClearingView, t: TradeToSettle): ClearingEvent[] {
  const buy = view.order(t.buyOrderId);
  const sell = view.order(t.sellOrderId);
  if (!buy || !sell)
    throw new Error(
      `trade ${t.instrument}#${t.tradeNo} has no reservation for ${!buy ? t.buyOrderId : t.sellOrderId}`,
    );
  const legs = legsOf(t);
  if (buy.instrument !== legs.buy.instrument || sell.instrument !== legs.sell.instrument)
    throw new Error(`trade ${t.instrument}#${t.tradeNo} names other instruments than its orders`);
  if (
    buy.openQty < legs.buy.qty ||
    sell.openQty < legs.sell.qty ||
    sell.reserved - (sell.amendTopUp ?? 0) < legs.sell.qty
  )
    throw new Error(`trade ${t.instrument}#${t.tradeNo} exceeds its orders' reservations`);
  const notional = notionalOf(t.price, t.qty);
  const buyerFee = feeOn(notional, buy.feeBp);
  const sellerFee = feeOn(notional, sell.feeBp);
  const stillNeeded = requiredReservation(buy, buy.openQty - legs.buy.qty);
  // A top-up waiting for its amendment stays reserved until the book has answered it.
  const buyerReleased = buy.reserved - (buy.amendTopUp ?? 0) - notional - buyerFee - stillNeeded;
  if (buyerReleased < 0)
    throw new Error(`trade ${t.instrument}#${t.tradeNo}: buy reservation short by ${-buyerReleased}`);
  const data: TradeSettledData = {
    instrument: t.instrument,
    tradeNo: t.tradeNo,
    price: t.price,
    qty: t.qty,
    buyer: buy.member,
    seller: sell.member,
    buyOrderId: t.buyOrderId,
    sellOrderId: t.sellOrderId,
    buyerFee,
    sellerFee,
    buyerReleased,
    ...(t.block ? { block: true } : {}),
    ...(t.blockTradeId !== undefined ? { blockTradeId: t.blockTradeId } : {}),
    ...(t.legs ? { legs: t.legs } : {}),
  };
  return [{ type: 'TradeSettled', data }];
}

export { buyReservation };
