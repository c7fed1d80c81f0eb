import type { CancelReason, RejectReason, SessionState, Side } from './codes';

/**
 * The zero-allocation event path: the engine calls these with primitive arguments only.
 * `seq` is the book's event sequence number (1, 2, 3, ... per book, snapshot-stable).
 * In call-auction trades `aggressor` is `'none'`, `taker` is the buy order and `maker` the sell,
 * and `selfTrade` is true when both orders belong to the same (non-empty) account: self-trade
 * prevention does not stop auction fills, so they are flagged for surveillance instead.
 * Continuous trades never pass it (prevention stops them before they happen).
 */
export interface EventSink {
  accepted(seq: number, id: string): void;
  rejected(seq: number, id: string, reason: RejectReason): void;
  trade(
    seq: number,
    taker: string,
    maker: string,
    aggressor: Side | 'none',
    price: number,
    qty: number,
    selfTrade?: boolean,
  ): void;
  cancelled(seq: number, id: string, qty: number, reason: CancelReason): void;
  amended(seq: number, id: string, price: number, qty: number): void;
  auctionUncrossed(seq: number, price: number, volume: number, imbalance: number): void;
  sessionChanged(seq: number, from: SessionState, to: SessionState): void;
  blockTrade(seq: number, id: string, buyer: string, seller: string, price: number, qty: number): void;
}

/** A sink that drops everything (benchmarks, replays that only need final state). */
export class NullEventSink implements EventSink {
  accepted(): void {}
  rejected(): void {}
  trade(): void {}
  cancelled(): void {}
  amended(): void {}
  auctionUncrossed(): void {}
  sessionChanged(): void {}
  blockTrade(): void {}
}
