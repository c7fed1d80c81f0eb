/**
 * @app/matching — the pure order-matching core (no I/O, no clock, no randomness).
 *
 * Per book: `new OrderBookEngine({ instrument, tick, lot, minQty?, maxQty?, referencePrice?,
 * bandBp?, blockBandBp?, blockMinQty?, session?, stpMode? })`.
 * - `apply(command) → MatchingEvent[]`: objects shaped like the JSON Lines spec plus `seq`.
 *   Commands: limit, market, cancel, amend, session, uncross, block, expire-day, reference-price.
 * - Hot path: `limit/market/cancel/amend/...(…, sink)` with an `EventSink` receiving primitives
 *   (side 0 = buy, 1 = sell; tif 0 GTC, 1 DAY, 2 IOC, 3 FOK).
 * - `depth(n)`, `remainingQty(id)`, `snapshot()` / `OrderBookEngine.restore(snapshot)`.
 * Many books: `MatchingEngine` (router keyed by instrument; `dispatch(raw, sink)` / `apply`).
 * Reject reasons and cancel reasons are the string unions `RejectReason` / `CancelReason`.
 */
export * from './core/codes';
export type { BookConfig, ResolvedConfig } from './core/book-config';
export { bandBounds } from './core/book-config';
export type { EventSink } from './core/event-sink';
export { NullEventSink } from './core/event-sink';
export type * from './commands/matching-command';
export type { MatchingEvent } from './commands/matching-event';
export { CollectingSink } from './commands/collecting-sink';
export { applyCommand } from './commands/apply-command';
export type { DepthLevel } from './queries/depth';
export type { BookSnapshot, SnapshotOrder } from './snapshot/book-snapshot';
export { OrderBookEngine } from './order-book-engine';
export { DEFAULT_INSTRUMENT, MatchingEngine } from './matching-engine';
