import { applyBp, mulDiv, type Rounding } from '@app/domain';
import { ALLOCATION_ERRORS, AllocationError, requireBp, requireNonNegativeInt } from './errors';

/**
 * How the cap of a compliance year is set.
 * - `absolute`: published caps per year.
 * - `linear-reduction`: EU style, each year the cap falls by LRF × a fixed reference quantity;
 *   the LRF may change by period (2.2 % → 4.3 % → 4.4 %).
 * - `annual-decline`: compounded percentage decline (Chongqing 4.13 %/yr = 413 bp), rounded each year.
 * - `absolute-decline`: a fixed tonnage off each year (RGGI −2,275,000/yr).
 */
export type CapRule =
  | { readonly kind: 'absolute'; readonly caps: Readonly<Record<number, number>> }
  | {
      readonly kind: 'linear-reduction';
      readonly baseYear: number;
      readonly baseCap: number;
      readonly referenceQuantity: number;
      /** LRF in bp from a year on; sorted or not, the latest `fromYear` ≤ year applies. */
      readonly lrf: readonly { readonly fromYear: number; readonly bp: number }[];
      readonly rounding: Rounding;
    }
  | {
      readonly kind: 'annual-decline';
      readonly baseYear: number;
      readonly baseCap: number;
      readonly declineBp: number;
      readonly rounding: Rounding;
    }
  | {
      readonly kind: 'absolute-decline';
      readonly baseYear: number;
      readonly baseCap: number;
      readonly declinePerYear: number;
    };

function yearsFrom(baseYear: number, year: number): number {
  if (!Number.isSafeInteger(year) || year < baseYear) {
    throw new AllocationError(ALLOCATION_ERRORS.UNKNOWN_YEAR, `no cap for ${year} (base year ${baseYear})`, {
      year,
      baseYear,
    });
  }
  return year - baseYear;
}

export function capForYear(rule: CapRule, year: number): number {
  switch (rule.kind) {
    case 'absolute': {
      const cap = rule.caps[year];
      if (cap === undefined)
        throw new AllocationError(ALLOCATION_ERRORS.UNKNOWN_YEAR, `no cap published for ${year}`, { year });
      return requireNonNegativeInt(cap, 'cap');
    }
    case 'linear-reduction': {
      let cap = requireNonNegativeInt(rule.baseCap, 'baseCap');
      const n = yearsFrom(rule.baseYear, year);
      for (let y = rule.baseYear + 1; y <= rule.baseYear + n; y++) {
        const step = [...rule.lrf].filter((s) => s.fromYear <= y).sort((a, b) => b.fromYear - a.fromYear)[0];
        if (step) cap -= applyBp(rule.referenceQuantity, requireBp(step.bp, 'lrf'), rule.rounding);
      }
      return Math.max(0, cap);
    }
    case 'annual-decline': {
      requireBp(rule.declineBp, 'declineBp');
      let cap = requireNonNegativeInt(rule.baseCap, 'baseCap');
      const n = yearsFrom(rule.baseYear, year);
      for (let i = 0; i < n; i++) cap = mulDiv(cap, 10_000 - rule.declineBp, 10_000, rule.rounding);
      return cap;
    }
    case 'absolute-decline': {
      const n = yearsFrom(rule.baseYear, year);
      return Math.max(
        0,
        requireNonNegativeInt(rule.baseCap, 'baseCap') -
          n * requireNonNegativeInt(rule.declinePerYear, 'declinePerYear'),
      );
    }
  }
}

/** Caps for a run of years, for previews and charts. */
export function capTrajectory(
  rule: CapRule,
  fromYear: number,
  toYear: number,
): { year: number; cap: number }[] {
  const out: { year: number; cap: number }[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push({ year: y, cap: capForYear(rule, y) });
  return out;
}
