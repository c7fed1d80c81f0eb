import type { CancelReason, RejectReason, SessionState, Side } from '../core/codes';
import type { EventSink } from '../core/event-sink';
import type { MatchingEvent } from './matching-event';

/** Turns sink callbacks into event objects (the allocating convenience path). */
export class CollectingSink implements EventSink {
  events: MatchingEvent[] = [];

  accepted(seq: number, id: string): void {
    this.events.push({ type: 'accepted', seq, id });
  }
  rejected(seq: number, id: string, reason: RejectReason): void {
    this.events.push(id === '' ? { type: 'rejected', seq, reason } : { type: 'rejected', seq, id, reason });
  }
  trade(
    seq: number,
    taker: string,
    maker: string,
    aggressor: Side | 'none',
    price: number,
    qty: number,
    selfTrade?: boolean,
  ): void {
    this.events.push(
      selfTrade === true
        ? { type: 'trade', seq, taker, maker, aggressor, price, qty, selfTrade }
        : { type: 'trade', seq, taker, maker, aggressor, price, qty },
    );
  }
  cancelled(seq: number, id: string, qty: number, reason: CancelReason): void {
    this.events.push({ type: 'cancelled', seq, id, qty, reason });
  }
  amended(seq: number, id: string, price: number, qty: number): void {
    this.events.push({ type: 'amended', seq, id, price, qty });
  }
  auctionUncrossed(seq: number, price: number, volume: number, imbalance: number): void {
    this.events.push({ type: 'auction-uncrossed', seq, price, volume, imbalance });
  }
  sessionChanged(seq: number, from: SessionState, to: SessionState): void {
    this.events.push({ type: 'session-changed', seq, from, to });
  }
  blockTrade(seq: number, id: string, buyer: string, seller: string, price: number, qty: number): void {
    this.events.push({ type: 'block-trade', seq, id, buyer, seller, price, qty });
  }
}
