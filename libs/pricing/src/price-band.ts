import { divRound } from '@app/domain';
import { PRICING_ERRORS, PricingError, requireNonNegativeInt, requirePositiveInt } from './errors';

export interface BandRule {
  /** Price increment in fen. */
  readonly tickFen: number;
  /** Half-width of the listing (continuous) band around the reference price, in bp. */
  readonly listingBandBp: number;
  /** Half-width of the block (negotiated) band, in bp. */
  readonly blockBandBp: number;
}

export interface PriceBand {
  readonly lowerFen: number;
  readonly upperFen: number;
}

/**
 * The band around `referenceFen`: reference × (1 ± bp/10,000), rounded inward to the tick
 * (upper down, lower up) so that every price inside is both on tick and within the percentage.
 * The lower limit never drops below one tick.
 */
export function priceBand(referenceFen: number, bandBp: number, tickFen: number): PriceBand {
  requirePositiveInt(referenceFen, 'referenceFen');
  requireNonNegativeInt(bandBp, 'bandBp');
  requirePositiveInt(tickFen, 'tickFen');
  if (bandBp > 10_000)
    throw new PricingError(PRICING_ERRORS.BAD_PARAMETER, 'bandBp must be ≤ 10,000', { field: 'bandBp' });
  const ref = BigInt(referenceFen);
  const tick = BigInt(tickFen);
  const upperRaw = ref * BigInt(10_000 + bandBp);
  const lowerRaw = ref * BigInt(10_000 - bandBp);
  const upper = divRound(upperRaw, 10_000n * tick, 'floor') * tick;
  const lower = divRound(lowerRaw, 10_000n * tick, 'ceil') * tick;
  return { lowerFen: Math.max(Number(lower), tickFen), upperFen: Number(upper) };
}

export function bandFor(rule: BandRule, referenceFen: number, venue: 'listing' | 'block'): PriceBand {
  return priceBand(referenceFen, venue === 'listing' ? rule.listingBandBp : rule.blockBandBp, rule.tickFen);
}

/** Throws PRICING.OFF_TICK or PRICING.OUTSIDE_BAND; returns the price when it is admissible. */
export function checkPrice(priceFen: number, band: PriceBand, tickFen: number): number {
  requirePositiveInt(priceFen, 'priceFen');
  if (priceFen % tickFen !== 0)
    throw new PricingError(PRICING_ERRORS.OFF_TICK, `price ${priceFen} is not a multiple of ${tickFen}`, {
      field: 'priceFen',
      priceFen,
      tickFen,
    });
  if (priceFen < band.lowerFen || priceFen > band.upperFen)
    throw new PricingError(
      PRICING_ERRORS.OUTSIDE_BAND,
      `price ${priceFen} outside [${band.lowerFen}, ${band.upperFen}]`,
      { field: 'priceFen', priceFen, ...band },
    );
  return priceFen;
}
