import { DomainError } from '@app/domain';
import type { ClearingEvent } from './clearing-events';
import { deltasOf, type BalanceDelta, type OrderDelta } from './clearing-deltas';
import {
  emptyHolding,
  type Balance,
  type ClearingView,
  type MemberAccount,
  type OrderReservation,
} from './clearing-state';

const invariant = (message: string): never => {
  throw new DomainError('CLEARING.INVARIANT', message);
};

/**
 * Every member's cash and holdings and every live reservation, kept by folding clearing events.
 * Used whole by tests and replays, and partly (the rows a transaction touches) by the services.
 */
export class ClearingLedger implements ClearingView {
  readonly members = new Map<string, MemberAccount>();
  readonly orders = new Map<string, OrderReservation>();
  /** Fees collected, per instrument (the exchange's fee account). */
  readonly fees = new Map<string, number>();

  member(id: string): MemberAccount | undefined {
    return this.members.get(id);
  }

  order(id: string): OrderReservation | undefined {
    return this.orders.get(id);
  }

  /** Applies events in order; throws (leaving earlier ones applied) if one would break an invariant. */
  apply(events: readonly ClearingEvent[]): this {
    for (const event of events) this.applyOne(event);
    return this;
  }

  totalFees(): number {
    let sum = 0;
    for (const v of this.fees.values()) sum += v;
    return sum;
  }

  private applyOne(event: ClearingEvent): void {
    if (event.type === 'MemberRegistered') {
      const d = event.data;
      if (this.members.has(d.member)) invariant(`member ${d.member} registered twice`);
      this.members.set(d.member, {
        member: d.member,
        name: d.name,
        jurisdiction: d.jurisdiction,
        ...(d.positionLimit !== undefined ? { positionLimit: d.positionLimit } : {}),
        cash: { available: 0, reserved: 0 },
        holdings: new Map(),
      });
      return;
    }
    const deltas = deltasOf(event);
    for (const b of deltas.balances) this.applyBalance(b);
    for (const o of deltas.orders) this.applyOrder(o);
    for (const f of deltas.fees) this.fees.set(f.instrument, (this.fees.get(f.instrument) ?? 0) + f.amount);
  }

  private applyBalance(d: BalanceDelta): void {
    const account = this.members.get(d.member) ?? invariant(`no member ${d.member}`);
    let target: Balance & { incoming?: number };
    if (d.instrument === null) target = account.cash;
    else {
      let h = account.holdings.get(d.instrument);
      if (!h) account.holdings.set(d.instrument, (h = emptyHolding()));
      target = h;
      h.incoming += d.incoming;
      if (h.incoming < 0) invariant(`${d.member} ${d.instrument} incoming below zero`);
    }
    target.available += d.available;
    target.reserved += d.reserved;
    if (target.available < 0 || target.reserved < 0)
      invariant(`${d.member} ${d.instrument ?? 'cash'} below zero`);
  }

  private applyOrder(d: OrderDelta): void {
    if (d.create) {
      if (this.orders.has(d.orderId)) invariant(`order ${d.orderId} reserved twice`);
      this.orders.set(d.orderId, { ...d.create });
      return;
    }
    const o = this.orders.get(d.orderId) ?? invariant(`no reservation for ${d.orderId}`);
    o.reserved += d.reserved;
    o.openQty += d.openQty;
    o.filled += d.filled;
    if (d.reservePrice !== undefined) o.reservePrice = d.reservePrice;
    if (d.amendTopUp !== undefined) o.amendTopUp = d.amendTopUp;
    if (o.reserved < 0 || o.openQty < 0) invariant(`order ${d.orderId} reservation below zero`);
    if (o.openQty === 0 && o.reserved === 0) this.orders.delete(d.orderId);
  }
}
