import type { SessionState, StpMode } from './codes';

/** Per-instrument rules. Prices are integer ticks (fen), quantities integer units. */
export interface BookConfig {
  instrument: string;
  /** Price increment; prices must be multiples of it. Default 1. */
  tick?: number;
  /** Quantity increment; quantities must be multiples of it. Default 1. */
  lot?: number;
  minQty?: number;
  maxQty?: number;
  /** Reference (previous close) price: centre of the daily band and auction tie-break. */
  referencePrice?: number;
  /** Daily band half-width in basis points around the reference price (none when absent). */
  bandBp?: number;
  /** Block-trade band in basis points. Default 3000 (±30 %). */
  blockBandBp?: number;
  /** Minimum block-trade quantity. Default 100,000. */
  blockMinQty?: number;
  /** Initial session. Default `continuous`. */
  session?: SessionState;
  /** Default self-trade prevention mode. Default `cancel-incoming`. */
  stpMode?: StpMode;
  /** Expected number of order ids over the book's life: pre-sizes the id table (no rehash pauses). */
  capacityHint?: number;
}

/** Validated, fully defaulted configuration. */
export interface ResolvedConfig {
  instrument: string;
  tick: number;
  lot: number;
  minQty: number;
  maxQty: number;
  referencePrice: number;
  bandBp: number;
  blockBandBp: number;
  blockMinQty: number;
  session: SessionState;
  stpMode: StpMode;
  capacityHint: number;
}

const isPositiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isNonNegativeInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Returns the name of the first invalid field, or null. Absent optional fields are fine. */
export function invalidConfigField(c: BookConfig): string | null {
  if (typeof c.instrument !== 'string') return 'instrument';
  for (const k of [
    'tick',
    'lot',
    'minQty',
    'maxQty',
    'referencePrice',
    'blockMinQty',
    'capacityHint',
  ] as const) {
    if (c[k] !== undefined && !isPositiveInt(c[k])) return k;
  }
  for (const k of ['bandBp', 'blockBandBp'] as const) {
    if (c[k] !== undefined && !(isNonNegativeInt(c[k]) && (c[k] as number) <= 10000)) return k;
  }
  return null;
}

export function resolveConfig(c: BookConfig): ResolvedConfig {
  const bad = invalidConfigField(c);
  if (bad !== null) throw new RangeError(`MATCHING.BAD_CONFIG: ${bad}`);
  return {
    instrument: c.instrument,
    tick: c.tick ?? 1,
    lot: c.lot ?? 1,
    minQty: c.minQty ?? 1,
    maxQty: c.maxQty ?? Number.MAX_SAFE_INTEGER,
    referencePrice: c.referencePrice ?? 0,
    bandBp: c.bandBp ?? -1,
    blockBandBp: c.blockBandBp ?? 3000,
    blockMinQty: c.blockMinQty ?? 100_000,
    session: c.session ?? 'continuous',
    stpMode: c.stpMode ?? 'cancel-incoming',
    capacityHint: c.capacityHint ?? 2048,
  };
}

/** Price bounds [low, high] of a band, rounded inward to the tick; [1, MAX] when there is none. */
export function bandBounds(reference: number, bandBp: number, tick: number): [number, number] {
  if (reference <= 0 || bandBp < 0) return [1, Number.MAX_SAFE_INTEGER];
  const ref = BigInt(reference);
  const t = BigInt(tick);
  const den = 10000n * t;
  const lowNum = ref * BigInt(10000 - bandBp);
  const highNum = ref * BigInt(10000 + bandBp);
  const low = ((lowNum + den - 1n) / den) * t;
  const high = (highNum / den) * t;
  return [Number(low), Number(high)];
}
