import type { InstrumentKind } from '@app/domain';
import { benchmarkPrice } from './benchmark-price';
import { closingPrice, type ClosingInput, type ClosingPrice } from './closing-price';
import { co2eFactorFor, toCo2e } from './co2e-conversion';
import { PRICING_ERRORS, PricingError } from './errors';
import { instrumentClassOf } from './instrument-class';
import { bandFor, type PriceBand } from './price-band';
import { priceIndexSeries, type IndexPeriod, type IndexPoint } from './price-index';
import type { PricingStandard } from './standard-schema';

/** The day's close under the standard's closing rule. */
export function standardClosingPrice(doc: PricingStandard, input: ClosingInput): ClosingPrice {
  return closingPrice(doc.closing, input);
}

/** Band and tick for an instrument kind around a reference price. */
export function standardBand(
  doc: PricingStandard,
  kind: InstrumentKind,
  referenceFen: number,
  venue: 'listing' | 'block',
): PriceBand & { tickFen: number } {
  const rule = doc.bands[instrumentClassOf(kind)];
  return { ...bandFor(rule, referenceFen, venue), tickFen: rule.tickFen };
}

/** Guide price (fen per unit·year) for a paid initial allocation, given the round's demand and supply. */
export function standardBenchmarkPrice(
  doc: PricingStandard,
  kind: InstrumentKind,
  jurisdiction: string,
  round: { demand: number; supply: number },
): number {
  const e = doc.benchmark.entries.find((x) => x.kind === kind && x.jurisdiction === jurisdiction);
  if (!e)
    throw new PricingError(PRICING_ERRORS.UNKNOWN_BENCHMARK, `no benchmark for ${kind} in ${jurisdiction}`, {
      field: 'kind',
      kind,
      jurisdiction,
    });
  return benchmarkPrice({ ...e, ...round }, doc.benchmark.rounding);
}

/** Whole tCO2e for a quantity of energy-use (tce) or electricity-use (MWh) rights. */
export function standardCo2e(
  doc: PricingStandard,
  kind: 'ENERGY_USE' | 'ELECTRICITY_USE',
  jurisdiction: string,
  quantity: number,
): number {
  return toCo2e(quantity, co2eFactorFor(doc.co2e, kind, jurisdiction), doc.co2e.rounding);
}

/** The regional index under the standard: only its constituents, its base level and rounding. */
export function standardIndexSeries(doc: PricingStandard, periods: readonly IndexPeriod[]): IndexPoint[] {
  const members = new Set(doc.index.constituents);
  return priceIndexSeries(
    { baseHundredths: doc.index.baseHundredths, rounding: doc.index.rounding },
    periods.map((p) => ({ ...p, observations: p.observations.filter((o) => members.has(o.constituent)) })),
  );
}
