import { legsOf, type ClearingEvent } from './clearing-events';
import { buyReservation } from './fees';
import type { OrderReservation } from './clearing-state';

/** A change to one balance row: cash when `instrument` is null, else the holding of that instrument. */
export interface BalanceDelta {
  member: string;
  instrument: string | null;
  available: number;
  reserved: number;
  incoming: number;
}

/** Changes to an order's reservation; `create` for a new one, `reservePrice` when it is repriced. */
export interface OrderDelta {
  orderId: string;
  create?: OrderReservation;
  reserved: number;
  openQty: number;
  filled: number;
  reservePrice?: number;
  /** Sets the order's amendment top-up (a number while one is in flight, null when the book answered). */
  amendTopUp?: number | null;
}

export interface FeeDelta {
  instrument: string;
  amount: number;
}

export interface ClearingDeltas {
  balances: BalanceDelta[];
  orders: OrderDelta[];
  fees: FeeDelta[];
}

const cash = (member: string, available: number, reserved: number): BalanceDelta => ({
  member,
  instrument: null,
  available,
  reserved,
  incoming: 0,
});
const units = (
  member: string,
  instrument: string,
  available: number,
  reserved: number,
  incoming = 0,
): BalanceDelta => ({ member, instrument, available, reserved, incoming });

/**
 * The exact balance changes an event stands for. The in-memory ledger and the SQL adapter both
 * apply these, so the rows in PostgreSQL are by construction the fold of the events.
 */
export function deltasOf(event: ClearingEvent): ClearingDeltas {
  const none: ClearingDeltas = { balances: [], orders: [], fees: [] };
  switch (event.type) {
    case 'MemberRegistered':
      return none;
    case 'CashDeposited':
      return { ...none, balances: [cash(event.data.member, event.data.amount, 0)] };
    case 'CashWithdrawn':
      return { ...none, balances: [cash(event.data.member, -event.data.amount, 0)] };
    case 'UnitsDeposited': {
      const d = event.data;
      return { ...none, balances: [units(d.member, d.instrument, d.qty, 0)] };
    }
    case 'UnitsWithdrawalRefused': {
      const d = event.data;
      return { ...none, balances: [units(d.member, d.instrument, d.qty, 0)] };
    }
    case 'UnitsWithdrawn': {
      const d = event.data;
      return { ...none, balances: [units(d.member, d.instrument, -d.qty, 0)] };
    }
    case 'OrderReserved': {
      const d = event.data;
      const buy = d.side === 'buy';
      return {
        ...none,
        balances: [
          buy ? cash(d.member, -d.amount, d.amount) : units(d.member, d.instrument, -d.amount, d.amount),
          ...(buy ? [units(d.member, d.instrument, 0, 0, d.qty)] : []),
        ],
        orders: [
          {
            orderId: d.orderId,
            reserved: 0,
            openQty: 0,
            filled: 0,
            create: {
              orderId: d.orderId,
              member: d.member,
              instrument: d.instrument,
              side: d.side,
              reservePrice: d.reservePrice,
              feeBp: d.feeBp,
              openQty: d.qty,
              filled: 0,
              reserved: d.amount,
              amendTopUp: null,
            },
          },
        ],
      };
    }
    case 'ReservationIncreased': {
      const d = event.data;
      return {
        ...none,
        balances: [
          d.side === 'buy'
            ? cash(d.member, -d.amount, d.amount)
            : units(d.member, d.instrument, -d.amount, d.amount),
        ],
        orders: [{ orderId: d.orderId, reserved: d.amount, openQty: 0, filled: 0, amendTopUp: d.amount }],
      };
    }
    case 'ReservationReleased': {
      const d = event.data;
      const buy = d.side === 'buy';
      return {
        ...none,
        balances: [
          buy ? cash(d.member, d.amount, -d.amount) : units(d.member, d.instrument, d.amount, -d.amount),
          ...(buy && d.openQtyChange !== 0 ? [units(d.member, d.instrument, 0, 0, d.openQtyChange)] : []),
        ],
        orders: [
          {
            orderId: d.orderId,
            reserved: -d.amount,
            openQty: d.openQtyChange,
            filled: 0,
            reservePrice: d.reservePrice,
            ...(d.endsAmendment ? { amendTopUp: null } : {}),
          },
        ],
      };
    }
    case 'TradeSettled': {
      const d = event.data;
      const notional = d.price * d.qty;
      const buyerPays = notional + d.buyerFee;
      const { buy, sell } = legsOf(d);
      // The buyer receives the seller's units; its own order's instrument counts them as no longer incoming.
      const received =
        buy.instrument === sell.instrument && buy.qty === sell.qty
          ? [units(d.buyer, sell.instrument, sell.qty, 0, -buy.qty)]
          : [units(d.buyer, sell.instrument, sell.qty, 0), units(d.buyer, buy.instrument, 0, 0, -buy.qty)];
      return {
        balances: [
          cash(d.buyer, d.buyerReleased, -(buyerPays + d.buyerReleased)),
          cash(d.seller, notional - d.sellerFee, 0),
          units(d.seller, sell.instrument, 0, -sell.qty),
          ...received,
        ],
        orders: [
          {
            orderId: d.buyOrderId,
            reserved: -(buyerPays + d.buyerReleased),
            openQty: -buy.qty,
            filled: buy.qty,
          },
          { orderId: d.sellOrderId, reserved: -sell.qty, openQty: -sell.qty, filled: sell.qty },
        ],
        fees: [{ instrument: d.instrument, amount: d.buyerFee + d.sellerFee }],
      };
    }
  }
}

/** What a live order must keep reserved for `openQty` more at `reservePrice`. */
export function requiredReservation(
  o: Pick<OrderReservation, 'side' | 'reservePrice' | 'feeBp'>,
  openQty: number,
): number {
  return o.side === 'buy' ? buyReservation(o.reservePrice, openQty, o.feeBp) : openQty;
}
