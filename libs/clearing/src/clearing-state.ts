import type { Jurisdiction } from '@app/domain';
import type { Side } from './clearing-events';

export interface Balance {
  available: number;
  reserved: number;
}

/** Units of one instrument; `incoming` is the open quantity of the member's buy orders (for position limits). */
export interface Holding extends Balance {
  incoming: number;
}

export interface MemberAccount {
  member: string;
  name: string;
  jurisdiction: Jurisdiction;
  positionLimit?: number;
  cash: Balance;
  holdings: Map<string, Holding>;
}

/** What one live order holds back: fen for a buy, units for a sell. */
export interface OrderReservation {
  orderId: string;
  member: string;
  instrument: string;
  side: Side;
  reservePrice: number;
  feeBp: number;
  openQty: number;
  filled: number;
  reserved: number;
  /**
   * While an amendment is on its way to the book: the top-up reserved for it (part of `reserved`,
   * not released by fills meanwhile); null otherwise. One amendment at a time per order.
   */
  amendTopUp: number | null;
}

/** What the decisions read: the whole ledger in memory, or the rows an adapter loaded. */
export interface ClearingView {
  member(id: string): MemberAccount | undefined;
  order(id: string): OrderReservation | undefined;
}

export const emptyHolding = (): Holding => ({ available: 0, reserved: 0, incoming: 0 });
