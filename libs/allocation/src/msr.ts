import { applyBp, type Rounding, type Versioned } from '@app/domain';
import { requireBp, requireNonNegativeInt } from './errors';

/** EU Market Stability Reserve parameters (scale the thresholds to the simulated market). */
export interface MsrRules {
  /** Intake happens when TNAC is above this (833 M). */
  readonly upper: number;
  /** Since 2024: between `upper` and `bufferTop` (1,096 M) the intake is TNAC − upper. */
  readonly bufferTop?: number;
  readonly intakeRateBp: number;
  /** Release when TNAC is below this (400 M). */
  readonly lower: number;
  readonly release: number;
  /** Holdings above this are invalidated (400 M since 2023). */
  readonly invalidateAbove?: number;
  readonly rounding: Rounding;
}

export const MSR_2019_2023: MsrRules = {
  upper: 833_000_000,
  intakeRateBp: 2400,
  lower: 400_000_000,
  release: 100_000_000,
  invalidateAbove: 400_000_000,
  rounding: 'half-up',
};

export const MSR_2024: MsrRules = { ...MSR_2019_2023, bufferTop: 1_096_000_000 };

/** Intake for the following Sep–Aug period from the published TNAC. */
export function msrIntake(tnac: number, rules: MsrRules): number {
  requireNonNegativeInt(tnac, 'tnac');
  if (tnac <= rules.upper) return 0;
  if (rules.bufferTop !== undefined && tnac <= rules.bufferTop) return tnac - rules.upper;
  return applyBp(tnac, requireBp(rules.intakeRateBp, 'intakeRateBp'), rules.rounding);
}

export function msrRelease(tnac: number, holdings: number, rules: MsrRules): number {
  requireNonNegativeInt(tnac, 'tnac');
  requireNonNegativeInt(holdings, 'holdings');
  return tnac < rules.lower ? Math.min(rules.release, holdings) : 0;
}

export interface MsrYear {
  readonly intake: number;
  readonly release: number;
  readonly invalidated: number;
  readonly holdingsAfter: number;
}

/** One MSR year: intake or release, then invalidation of holdings above the limit. */
export function msrYear(tnac: number, holdings: number, rules: MsrRules): MsrYear {
  const intake = msrIntake(tnac, rules);
  const release = msrRelease(tnac, holdings, rules);
  const after = holdings + intake - release;
  const invalidated = rules.invalidateAbove === undefined ? 0 : Math.max(0, after - rules.invalidateAbove);
  return { intake, release, invalidated, holdingsAfter: after - invalidated };
}

/** MSR rules by effective date: the 24 % rule, then the 2024 buffer rule. */
export const MSR_VERSIONS: readonly Versioned<MsrRules>[] = [
  { effectiveFrom: '2019-01-01', value: MSR_2019_2023 },
  { effectiveFrom: '2024-01-01', value: MSR_2024 },
];

/**
 * EU ETS Art. 29a: if the 6-month average price exceeds 2.4 × the average of the preceding two
 * years (factor in bp: 24,000), release `release` (75 M) from the MSR. Compared exactly in integers.
 */
export function art29aRelease(
  sixMonthAvgFen: number,
  twoYearAvgFen: number,
  holdings: number,
  factorBp = 24_000,
  release = 75_000_000,
): number {
  requireNonNegativeInt(sixMonthAvgFen, 'sixMonthAvgFen');
  requireNonNegativeInt(twoYearAvgFen, 'twoYearAvgFen');
  requireNonNegativeInt(holdings, 'holdings');
  const triggered =
    BigInt(sixMonthAvgFen) * 10_000n >
    BigInt(twoYearAvgFen) * BigInt(requireNonNegativeInt(factorBp, 'factorBp'));
  return triggered ? Math.min(release, holdings) : 0;
}
