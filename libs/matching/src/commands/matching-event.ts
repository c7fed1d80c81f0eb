import type { CancelReason, RejectReason, SessionState, Side } from '../core/codes';

/** Events as plain objects; `seq` is the book's sequence number. */
export type MatchingEvent =
  | { type: 'accepted'; seq: number; id: string }
  | { type: 'rejected'; seq: number; id?: string; reason: RejectReason }
  | {
      type: 'trade';
      seq: number;
      taker: string;
      maker: string;
      aggressor: Side | 'none';
      price: number;
      qty: number;
      /** Present (true) only on a call-auction fill between two orders of the same account. */
      selfTrade?: true;
    }
  | { type: 'cancelled'; seq: number; id: string; qty: number; reason: CancelReason }
  | { type: 'amended'; seq: number; id: string; price: number; qty: number }
  | { type: 'auction-uncrossed'; seq: number; price: number; volume: number; imbalance: number }
  | { type: 'session-changed'; seq: number; from: SessionState; to: SessionState }
  | {
      type: 'block-trade';
      seq: number;
      id: string;
      buyer: string;
      seller: string;
      price: number;
      qty: number;
    };
