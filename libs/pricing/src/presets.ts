import { DEFAULT_CO2E_FACTORS } from './co2e-conversion';
import type { PricingStandard } from './standard-schema';

const national = { listingBandBp: 1_000, blockBandBp: 3_000 };
const zhuzhou = 'Zhuzhou 2016 paid-use price taken as unit cost (illustrative default)';
const seedRef = 'instrument catalogue reference price taken as unit cost (illustrative default)';

/**
 * The first joint standard (version 2026.1): national ETS closing rule (VWAP of the day's listing
 * trades, else the previous close, else the listing reference), ±10 % / ±30 % bands, tick CNY 0.01
 * except pollutant rights (CNY 1, as they trade in the tens of thousands of yuan).
 */
export const CHENGYU_PRICING_STANDARD_2026_1: PricingStandard = {
  version: '2026.1',
  title: '成渝地区统一环境权益定价标准 / Chengdu–Chongqing unified environmental-rights pricing standard',
  closing: {
    venues: ['continuous'],
    minVolume: 1,
    rounding: 'half-up',
    fallbacks: ['previous-close', 'reference'],
  },
  bands: {
    CARBON_ALLOWANCE: { tickFen: 1, ...national },
    CARBON_CREDIT: { tickFen: 1, ...national },
    POLLUTANT: { tickFen: 100, ...national },
    ENERGY_USE: { tickFen: 1, ...national },
    WATER_USE: { tickFen: 1, ...national },
    ELECTRICITY_USE: { tickFen: 1, ...national },
  },
  benchmark: {
    rounding: 'half-up',
    validityYears: 5,
    entries: (['CQ', 'SC'] as const).flatMap((jurisdiction) => [
      entry('POLLUTANT_COD', jurisdiction, 23_000, zhuzhou),
      entry('POLLUTANT_NH3N', jurisdiction, 26_000, zhuzhou),
      entry('POLLUTANT_SO2', jurisdiction, 20_000, zhuzhou),
      entry('POLLUTANT_NOX', jurisdiction, 20_000, zhuzhou),
      entry('ENERGY_USE', jurisdiction, 20_000, seedRef),
      entry('WATER_USE', jurisdiction, 50, seedRef),
    ]),
  },
  co2e: { rounding: 'floor', ...DEFAULT_CO2E_FACTORS },
  index: {
    basePeriod: '2026-01-05',
    baseHundredths: 100_000,
    rounding: 'half-even',
    constituents: ['CQEA-2025', 'SCEA-2025', 'CCER', 'CQCER', 'SCTHTF', 'CQCOD', 'SCCOD', 'CQEU', 'SCEU'],
  },
};

function entry(
  kind: PricingStandard['benchmark']['entries'][number]['kind'],
  jurisdiction: 'CQ' | 'SC',
  unitAbatementCostFen: number,
  source: string,
): PricingStandard['benchmark']['entries'][number] {
  return {
    kind,
    jurisdiction,
    unitAbatementCostFen,
    regionalAdjustmentBp: 0,
    scarcityCap: { num: 3, den: 2 },
    source,
  };
}
