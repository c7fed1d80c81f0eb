import type { EntityManager } from 'typeorm';
import { amendmentShortfall, requiredReservation, type OrderReservation } from '@app/clearing';
import type { BookEvent } from '@app/contracts';
import type { ClearingStore } from './clearing-store';

/**
 * The reservations of the orders a batch amends, as loaded before the batch and followed through
 * it, so the book worker can refuse an amendment the reservation cannot cover before the book
 * applies it (`amend-not-covered`: settlement then hands its top-up back) instead of failing the
 * command in settlement. No other writer changes these rows meanwhile: the order's own amendment
 * top-up committed before its command was sent, and a second one is refused while it is pending.
 */
export class AmendmentCover {
  private constructor(private readonly base: Map<string, OrderReservation>) {}

  static async load(
    clearing: ClearingStore,
    manager: EntityManager,
    orderIds: readonly string[],
  ): Promise<AmendmentCover> {
    const ledger = orderIds.length > 0 ? await clearing.load(manager, { orders: orderIds }) : undefined;
    return new AmendmentCover(new Map(ledger ? [...ledger.orders].map(([id, o]) => [id, { ...o }]) : []));
  }

  /** What the order's reservation lacks for the amendment; 0 if covered or the order is not reserved. */
  shortfallOf(orderId: string): (openNow: number, after: { price?: number; openQty: number }) => number {
    return (openNow, after) => {
      const base = this.base.get(orderId);
      return base ? amendmentShortfall(base, openNow, after) : 0;
    };
  }

  /** The book answered an amendment of the order: follow its reservation as settlement leaves it. */
  answered(orderId: string, events: readonly BookEvent[], openBefore: number | undefined): void {
    const base = this.base.get(orderId);
    if (!base) return;
    const amended = events.find((e) => e.type === 'OrderAmended' && e.data.orderId === orderId);
    const openQty = amended?.type === 'OrderAmended' ? amended.data.qty : (openBefore ?? 0);
    const reservePrice =
      amended?.type === 'OrderAmended' && base.side === 'buy' ? amended.data.price : base.reservePrice;
    const next = { ...base, reservePrice, openQty, amendTopUp: null };
    this.base.set(orderId, { ...next, reserved: requiredReservation(next, openQty) });
  }
}
