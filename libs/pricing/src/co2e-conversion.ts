import { divRound, type Rational, type Rounding } from '@app/domain';
import { PRICING_ERRORS, PricingError, requireNonNegativeInt, requirePositiveInt } from './errors';

/** tCO2 per unit of a right, exact, with where the number comes from. */
export interface Co2eFactor {
  readonly tco2PerUnit: Rational;
  readonly source: string;
}

export interface Co2eFactors {
  /** Energy-use rights: tCO2 per tce. */
  readonly energyUse: Co2eFactor;
  /** Electricity-use rights: tCO2 per MWh, by province (location-based grid average). */
  readonly electricityUse: Readonly<Record<'CQ' | 'SC', Co2eFactor>>;
}

/** quantity × factor in whole tCO2, rounded once by the named rule (the standard uses floor: never overstate). */
export function toCo2e(quantity: number, factor: Co2eFactor, rounding: Rounding): number {
  requireNonNegativeInt(quantity, 'quantity');
  requireNonNegativeInt(factor.tco2PerUnit.num, 'tco2PerUnit.num');
  requirePositiveInt(factor.tco2PerUnit.den, 'tco2PerUnit.den');
  return Number(
    divRound(BigInt(quantity) * BigInt(factor.tco2PerUnit.num), BigInt(factor.tco2PerUnit.den), rounding),
  );
}

/** The factor that puts `kind` in `jurisdiction` on a CO2-equivalent basis. */
export function co2eFactorFor(
  factors: Co2eFactors,
  kind: 'ENERGY_USE' | 'ELECTRICITY_USE',
  jurisdiction: string,
): Co2eFactor {
  if (kind === 'ENERGY_USE') return factors.energyUse;
  if (jurisdiction === 'CQ' || jurisdiction === 'SC') return factors.electricityUse[jurisdiction];
  throw new PricingError(PRICING_ERRORS.UNKNOWN_FACTOR, `no grid factor for ${jurisdiction}`, {
    field: 'jurisdiction',
    jurisdiction,
  });
}

/**
 * Defaults. 2.66 tCO2/tce is the coal-equivalent factor commonly used in Chinese energy statistics
 * (NDRC Energy Research Institute; unverified against a primary text). Grid factors: Sichuan 0.1564
 * tCO2/MWh, 2023 provincial average (MEE & NBS announcement of 2025-12-31, as transcribed, not checked
 * against the PDF); Chongqing's provincial figure was not found, so the 2023 national average 0.5306
 * from the same announcement stands in until a regulator sets it.
 */
export const DEFAULT_CO2E_FACTORS: Co2eFactors = {
  energyUse: {
    tco2PerUnit: { num: 266, den: 100 },
    source:
      'NDRC Energy Research Institute coal-equivalent factor 2.66 tCO2/tce (commonly cited; unverified)',
  },
  electricityUse: {
    SC: {
      tco2PerUnit: { num: 1564, den: 10_000 },
      source: 'MEE & NBS, 2023 electricity CO2 emission factors (2025-12-31): Sichuan 0.1564 kgCO2/kWh',
    },
    CQ: {
      tco2PerUnit: { num: 5306, den: 10_000 },
      source:
        'MEE & NBS, 2023 electricity CO2 emission factors (2025-12-31): national average 0.5306 kgCO2/kWh, ' +
        'standing in for the Chongqing provincial figure (not found)',
    },
  },
};
