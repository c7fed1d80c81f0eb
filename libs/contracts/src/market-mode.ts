import type { ExchangeRatio } from '@app/domain';

/** Stream of the regulators' market-mode decisions (two-key: proposed, approved, adopted). */
export const MARKET_MODE_STREAM = 'market-mode';

export type MarketModeName = 'separate' | 'recognition-only' | 'linked';

/**
 * Command `SetMarketMode`: an adopted decision in force, sent to the single writer of a vintage's
 * books (the shard of `LINKED-EA-<vintage>`, which also owns `CQEA-<vintage>` and
 * `SCEA-<vintage>`). Linking cancels the resting orders of both provinces' books; separating
 * cancels those of the linked book (reason `market-linked` / `market-separated`).
 */
export interface SetMarketModeMessage {
  commandId: string;
  /** The vintage's linked book, e.g. `LINKED-EA-2025`. */
  instrument: string;
  version: string;
  mode: MarketModeName;
  exchangeRatio: ExchangeRatio;
  effectiveFrom: string;
  receivedAt: number;
}

/** Recorded in the linked book's stream when the mode its books follow changes. */
export interface MarketModeAppliedData {
  instrument: string;
  version: string;
  mode: MarketModeName;
  exchangeRatio: ExchangeRatio;
  effectiveFrom: string;
  at: number;
}

/** A linked book's order as placed: on its own province's allowance, `perUnit` of them per linked unit. */
export interface OrderLegData {
  instrument: string;
  perUnit: number;
}

/** Each side of a linked book's trade in its own instrument's units. */
export interface TradeLegsData {
  buy: { instrument: string; qty: number };
  sell: { instrument: string; qty: number };
}

/** Reasons of the cancels a switch makes (the reservations go back to the members). */
export const MARKET_LINKED = 'market-linked';
export const MARKET_SEPARATED = 'market-separated';
