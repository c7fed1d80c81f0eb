import { divRound, type Rounding } from '@app/domain';
import { PRICING_ERRORS, PricingError, requireNonNegativeInt, requirePositiveInt } from './errors';

export interface IndexObservation {
  readonly constituent: string;
  /** The period's closing price; absent when it did not trade (the last price is carried). */
  readonly closeFen?: number;
  /** Units traded in the period; 0 or absent when it did not trade (the last non-zero volume is carried as weight). */
  readonly volume?: number;
}

export interface IndexPeriod {
  readonly period: string;
  readonly observations: readonly IndexObservation[];
}

export interface IndexRule {
  /** Index level of the base (first) period in hundredths of a point: 1000 points = 100,000. */
  readonly baseHundredths: number;
  /** Each link is rounded to 0.01 point by this rule; the next link starts from the rounded level. */
  readonly rounding: Rounding;
}

export interface IndexPoint {
  readonly period: string;
  readonly levelHundredths: number;
  /** Constituents that carried weight in this period's link. */
  readonly constituents: readonly string[];
}

interface Carried {
  priceFen: number;
  weight: number;
}

/**
 * Chain-linked, value-weighted (Laspeyres) index. Base period level = `baseHundredths`. For t ≥ 1:
 *
 *   I_t = I_{t−1} × Σ_i p_{i,t} × q_i ÷ Σ_i p_{i,t−1} × q_i
 *
 * with q_i the constituent's last non-zero traded volume as of t−1 (its weight), p carried forward
 * when a constituent did not trade. A constituent enters once it has a price and a volume at t−1.
 * When no constituent has weight yet, the level carries unchanged.
 */
export function priceIndexSeries(rule: IndexRule, periods: readonly IndexPeriod[]): IndexPoint[] {
  requirePositiveInt(rule.baseHundredths, 'baseHundredths');
  const carried = new Map<string, Carried>();
  const out: IndexPoint[] = [];
  let level = rule.baseHundredths;
  periods.forEach((p, t) => {
    const seen = new Set<string>();
    for (const o of p.observations) {
      if (seen.has(o.constituent))
        throw new PricingError(
          PRICING_ERRORS.BAD_PARAMETER,
          `duplicate constituent ${o.constituent} in ${p.period}`,
          {
            field: `periods[${t}].observations`,
          },
        );
      seen.add(o.constituent);
      if (o.closeFen !== undefined) requirePositiveInt(o.closeFen, `${p.period}.${o.constituent}.closeFen`);
      if (o.volume !== undefined) requireNonNegativeInt(o.volume, `${p.period}.${o.constituent}.volume`);
    }
    const used: string[] = [];
    if (t > 0) {
      let now = 0n;
      let before = 0n;
      const current = new Map(p.observations.map((o) => [o.constituent, o]));
      for (const [name, c] of [...carried.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (c.weight === 0) continue;
        const price = current.get(name)?.closeFen ?? c.priceFen;
        now += BigInt(price) * BigInt(c.weight);
        before += BigInt(c.priceFen) * BigInt(c.weight);
        used.push(name);
      }
      if (before > 0n) level = Number(divRound(BigInt(level) * now, before, rule.rounding));
    }
    for (const o of p.observations) {
      const prev = carried.get(o.constituent);
      const priceFen = o.closeFen ?? prev?.priceFen;
      if (priceFen === undefined) continue;
      const weight = o.volume !== undefined && o.volume > 0 ? o.volume : (prev?.weight ?? 0);
      carried.set(o.constituent, { priceFen, weight });
    }
    out.push({ period: p.period, levelHundredths: level, constituents: used });
  });
  return out;
}
