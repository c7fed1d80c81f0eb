import { divRound, type Rational, type Rounding } from '@app/domain';
import { ALLOCATION_ERRORS, AllocationError, requireNonNegativeInt } from './errors';

/**
 * National power-sector benchmarks 2019–2020, in kgCO2 per MWh (= tCO2/MWh × 1,000) so they stay integers.
 * Heat benchmarks are kgCO2 per GJ.
 */
export const POWER_BENCHMARKS_2019_2020 = {
  coalAbove300MW: 877,
  coalUpTo300MW: 979,
  unconventionalCoal: 1146,
  gas: 392,
} as const;
export const HEAT_BENCHMARKS_2019_2020 = { coal: 126, gas: 59 } as const;
/** Benchmarks are stated per mille of a tonne per unit of output. */
export const BENCHMARK_SCALE = 1000;

export interface BenchmarkLine {
  /** Output in MWh (power) or GJ (heat). */
  readonly output: number;
  /** kgCO2 per unit of output (per-mille tonnes). */
  readonly benchmark: number;
  /** Correction factors (cooling, load, heat supply…) as exact rationals; default none. */
  readonly corrections?: readonly Rational[];
}

/** Σ output × benchmark / 1000 × Π corrections, computed exactly and rounded once. */
export function benchmarkAllocation(lines: readonly BenchmarkLine[], rounding: Rounding): number {
  let total = 0n;
  let den = 1n;
  // Sum fractions exactly over a common denominator.
  for (const l of lines) {
    let num =
      BigInt(requireNonNegativeInt(l.output, 'output')) *
      BigInt(requireNonNegativeInt(l.benchmark, 'benchmark'));
    let d = BigInt(BENCHMARK_SCALE);
    for (const c of l.corrections ?? []) {
      if (!Number.isSafeInteger(c.num) || !Number.isSafeInteger(c.den) || c.den <= 0 || c.num < 0) {
        throw new AllocationError(
          ALLOCATION_ERRORS.BAD_PARAMETER,
          'correction must be a non-negative rational',
          { ...c },
        );
      }
      num *= BigInt(c.num);
      d *= BigInt(c.den);
    }
    total = total * d + num * den;
    den *= d;
  }
  return Number(divRound(total, den, rounding));
}

export interface GrandfatheringInput {
  /** Historic verified emissions, one per base year. */
  readonly historicEmissions: readonly number[];
  /** Chongqing used the historic maximum; others the average. */
  readonly basis: 'max' | 'average';
  /** Reduction / control factor in bp (10,000 = 100 %). */
  readonly factorBp: number;
}

/** historic basis × factor, rounded once. */
export function grandfatheringAllocation(input: GrandfatheringInput, rounding: Rounding): number {
  const xs = input.historicEmissions.map((x) => requireNonNegativeInt(x, 'historicEmissions'));
  if (xs.length === 0)
    throw new AllocationError(ALLOCATION_ERRORS.BAD_PARAMETER, 'no historic emissions', {});
  const factor = BigInt(requireNonNegativeInt(input.factorBp, 'factorBp'));
  if (input.basis === 'max') return Number(divRound(BigInt(Math.max(...xs)) * factor, 10_000n, rounding));
  const sum = xs.reduce((s, x) => s + BigInt(x), 0n);
  return Number(divRound(sum * factor, BigInt(xs.length) * 10_000n, rounding));
}

/** The 70 % pre-allocation on base-year output, then a true-up after verification. */
export const DEFAULT_PRE_ALLOCATION_BP = 7000;

export function preAllocation(
  baseYearEntitlement: number,
  shareBp: number = DEFAULT_PRE_ALLOCATION_BP,
): number {
  requireNonNegativeInt(baseYearEntitlement, 'baseYearEntitlement');
  return Number(
    divRound(
      BigInt(baseYearEntitlement) * BigInt(requireNonNegativeInt(shareBp, 'shareBp')),
      10_000n,
      'floor',
    ),
  );
}

export interface TrueUp {
  readonly finalEntitlement: number;
  readonly preAllocated: number;
  /** > 0: issue more; < 0: the firm returns units. */
  readonly adjustment: number;
  readonly direction: 'issue' | 'return' | 'none';
}

export function trueUp(finalEntitlement: number, preAllocated: number): TrueUp {
  const adjustment =
    requireNonNegativeInt(finalEntitlement, 'finalEntitlement') -
    requireNonNegativeInt(preAllocated, 'preAllocated');
  return {
    finalEntitlement,
    preAllocated,
    adjustment,
    direction: adjustment > 0 ? 'issue' : adjustment < 0 ? 'return' : 'none',
  };
}
