import { divRound, type Rounding } from '@app/domain';
import { PRICING_ERRORS, PricingError, requireNonNegativeInt, requirePositiveInt } from './errors';

export type TradeVenue = 'continuous' | 'block' | 'auction';
export type ClosingFallback = 'previous-close' | 'reference';

export interface PricedTrade {
  readonly priceFen: number;
  readonly quantity: number;
  /** Epoch milliseconds, from the exchange's injected clock. */
  readonly atMs: number;
  readonly venue: TradeVenue;
}

export interface ClosingRule {
  /** Venues whose trades enter the VWAP. The national ETS counts listing (continuous) trades only. */
  readonly venues: readonly TradeVenue[];
  /** Only trades in the last N minutes before the close, i.e. in (close − N min, close]; absent = the whole day. */
  readonly windowMinutes?: number;
  /** Below this volume the VWAP is not used and the fallbacks apply (0 = any trade counts). */
  readonly minVolume: number;
  readonly rounding: Rounding;
  /** Tried in order when the VWAP cannot be used. */
  readonly fallbacks: readonly ClosingFallback[];
}

export interface ClosingInput {
  /** The day's trades (the caller passes one trading day). */
  readonly trades: readonly PricedTrade[];
  readonly closeAtMs: number;
  readonly previousCloseFen?: number;
  /** The listing reference price (first day, or a regulator-set reference). */
  readonly referenceFen?: number;
  /** When given, the VWAP is rounded once to a multiple of it (the close becomes the next band centre). */
  readonly tickFen?: number;
}

export interface ClosingPrice {
  readonly priceFen: number;
  readonly basis: 'vwap' | ClosingFallback;
  /** Volume and value of the trades that entered the VWAP (also when below the minimum). */
  readonly volume: number;
  readonly valueFen: number;
}

/**
 * Closing price = Σ(price × qty) ÷ Σ qty over the counted trades, rounded once by the named rule;
 * else the first available fallback. The next day's reference price (band centre) is this close.
 */
export function closingPrice(rule: ClosingRule, input: ClosingInput): ClosingPrice {
  requireNonNegativeInt(rule.minVolume, 'minVolume');
  const from =
    rule.windowMinutes === undefined
      ? Number.NEGATIVE_INFINITY
      : input.closeAtMs - requirePositiveInt(rule.windowMinutes, 'windowMinutes') * 60_000;
  let volume = 0n;
  let value = 0n;
  for (const t of input.trades) {
    requirePositiveInt(t.priceFen, 'trade.priceFen');
    requirePositiveInt(t.quantity, 'trade.quantity');
    if (!rule.venues.includes(t.venue) || t.atMs <= from || t.atMs > input.closeAtMs) continue;
    volume += BigInt(t.quantity);
    value += BigInt(t.priceFen) * BigInt(t.quantity);
  }
  const counted = { volume: Number(volume), valueFen: Number(value) };
  if (volume > 0n && volume >= BigInt(rule.minVolume)) {
    const tick = BigInt(requirePositiveInt(input.tickFen ?? 1, 'tickFen'));
    const priceFen = Number(divRound(value, volume * tick, rule.rounding) * tick);
    return { priceFen, basis: 'vwap', ...counted };
  }
  for (const f of rule.fallbacks) {
    const price = f === 'previous-close' ? input.previousCloseFen : input.referenceFen;
    if (price !== undefined) return { priceFen: requirePositiveInt(price, f), basis: f, ...counted };
  }
  throw new PricingError(PRICING_ERRORS.NO_PRICE, 'no qualifying trades and no fallback price', {
    volume: counted.volume,
    minVolume: rule.minVolume,
  });
}
