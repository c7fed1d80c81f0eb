/** Numeric codes used on the hot path; the string forms are what events carry. */
export const BUY = 0;
export const SELL = 1;
export type SideCode = 0 | 1;

export const GTC = 0;
export const DAY = 1;
export const IOC = 2;
export const FOK = 3;
export type TifCode = 0 | 1 | 2 | 3;

export type Side = 'buy' | 'sell';
export type TimeInForce = 'GTC' | 'DAY' | 'IOC' | 'FOK';

export const SIDE_NAMES: readonly Side[] = ['buy', 'sell'];
export const TIF_NAMES: readonly TimeInForce[] = ['GTC', 'DAY', 'IOC', 'FOK'];

export type RejectReason =
  | 'bad-command'
  | 'duplicate-id'
  | 'unknown-order'
  | 'bad-price'
  | 'bad-qty'
  | 'off-tick'
  | 'off-lot'
  | 'outside-band'
  | 'below-min-qty'
  | 'above-max-qty'
  | 'post-only-would-trade'
  | 'session-closed'
  | 'session-halted'
  | 'not-allowed-in-auction'
  | 'bad-transition'
  | 'outside-block-band'
  | 'below-block-min-qty'
  | 'no-reference-price';

export type CancelReason = 'user' | 'market' | 'ioc' | 'fok' | 'stp' | 'expired';

export type SessionState = 'pre-open' | 'continuous' | 'closing-auction' | 'closed' | 'halted';

export const SESSION_STATES: readonly SessionState[] = [
  'pre-open',
  'continuous',
  'closing-auction',
  'closed',
  'halted',
];

/** Self-trade prevention: what happens when an order meets a resting order of its own account. */
export type StpMode = 'cancel-incoming' | 'cancel-resting' | 'cancel-both';
