import { divRound, type Rational, type Rounding } from '@app/domain';
import { PRICING_ERRORS, PricingError, requireNonNegativeInt, requirePositiveInt } from './errors';

/** Inputs of the guide price for one right in one province (per unit and year of use). */
export interface BenchmarkInputs {
  /** C: unit abatement cost in fen per unit·year (pollutant: treatment cost per tonne; energy: saving cost per tce; water: supply cost per m³). */
  readonly unitAbatementCostFen: number;
  /** r: regional adjustment in bp, −10,000 < r (e.g. +1,500 for a stressed basin). */
  readonly regionalAdjustmentBp: number;
  /** Allocation-round demand D and supply S: the scarcity factor is s = min(cap, max(1, D ÷ S)). */
  readonly demand: number;
  readonly supply: number;
  /** Upper limit of s, as a rational ≥ 1 (e.g. 3/2). */
  readonly scarcityCap: Rational;
}

/** s = min(cap, max(1, D ÷ S)) as an exact rational. */
export function scarcityFactor(demand: number, supply: number, cap: Rational): Rational {
  requireNonNegativeInt(demand, 'demand');
  requirePositiveInt(supply, 'supply');
  requirePositiveInt(cap.num, 'scarcityCap.num');
  requirePositiveInt(cap.den, 'scarcityCap.den');
  if (cap.num < cap.den)
    throw new PricingError(PRICING_ERRORS.BAD_PARAMETER, 'scarcityCap must be ≥ 1', { field: 'scarcityCap' });
  if (demand <= supply) return { num: 1, den: 1 };
  // D/S > cap ⇔ D × cap.den > cap.num × S
  if (BigInt(demand) * BigInt(cap.den) > BigInt(cap.num) * BigInt(supply)) return cap;
  return { num: demand, den: supply };
}

/**
 * Guide price P = C × (1 + r/10,000) × s, computed exactly and rounded once by `rounding`
 * (the standard uses half-up to the fen).
 */
export function benchmarkPrice(inputs: BenchmarkInputs, rounding: Rounding): number {
  requireNonNegativeInt(inputs.unitAbatementCostFen, 'unitAbatementCostFen');
  const r = inputs.regionalAdjustmentBp;
  if (!Number.isSafeInteger(r) || r <= -10_000)
    throw new PricingError(
      PRICING_ERRORS.BAD_PARAMETER,
      'regionalAdjustmentBp must be an integer > −10,000',
      {
        field: 'regionalAdjustmentBp',
        value: r,
      },
    );
  const s = scarcityFactor(inputs.demand, inputs.supply, inputs.scarcityCap);
  const num = BigInt(inputs.unitAbatementCostFen) * BigInt(10_000 + r) * BigInt(s.num);
  const den = 10_000n * BigInt(s.den);
  return Number(divRound(num, den, rounding));
}

/** What a holder pays for a paid initial allocation: guide price × quantity × years of validity. */
export function paidAllocationCharge(guidePriceFen: number, quantity: number, years: number): number {
  requireNonNegativeInt(guidePriceFen, 'guidePriceFen');
  requireNonNegativeInt(quantity, 'quantity');
  requirePositiveInt(years, 'years');
  const total = BigInt(guidePriceFen) * BigInt(quantity) * BigInt(years);
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    throw new PricingError(PRICING_ERRORS.BAD_PARAMETER, 'charge overflows a safe integer', {
      field: 'quantity',
    });
  return Number(total);
}
