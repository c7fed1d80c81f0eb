import { mulDiv, type Rounding } from '@app/domain';
import { requireNonNegativeInt } from './errors';

/**
 * One year of escalation: prev × (10,000 + rateBp) / 10,000, rounded to the cent/fen.
 * RGGI reserve price +2.5 %/yr (250 bp); CCR/ECR triggers +7 %/yr (700 bp).
 */
export function escalate(prevFen: number, rateBp: number, rounding: Rounding = 'half-up'): number {
  requireNonNegativeInt(prevFen, 'prevFen');
  requireNonNegativeInt(rateBp, 'rateBp');
  return mulDiv(prevFen, 10_000 + rateBp, 10_000, rounding);
}

export interface PriceScheduleEntry {
  readonly year: number;
  readonly priceFen: number;
}

/** A price compounded yearly and rounded to the cent each year (not once at the end). */
export function escalationSchedule(
  startYear: number,
  startFen: number,
  years: number,
  rateBp: number,
  rounding: Rounding = 'half-up',
): PriceScheduleEntry[] {
  const out: PriceScheduleEntry[] = [
    { year: startYear, priceFen: requireNonNegativeInt(startFen, 'startFen') },
  ];
  for (let i = 1; i <= years; i++)
    out.push({ year: startYear + i, priceFen: escalate(out[i - 1]!.priceFen, rateBp, rounding) });
  return out;
}

export const RGGI_RESERVE_ESCALATION_BP = 250;
export const RGGI_CONTAINMENT_ESCALATION_BP = 700;
export const WCI_REAL_ESCALATION_BP = 500;

/** RGGI: prev × 1.025, rounded to the cent. */
export const rggiReservePrice = (prevFen: number): number => escalate(prevFen, RGGI_RESERVE_ESCALATION_BP);

/** WCI: prev × (1 + 5 % + CPI), rounded to the cent; CPI in bp (may be negative but the sum is floored at 0). */
export function wciReservePrice(prevFen: number, cpiBp: number, rounding: Rounding = 'half-up'): number {
  if (!Number.isSafeInteger(cpiBp)) throw new RangeError('cpiBp must be an integer');
  return mulDiv(
    requireNonNegativeInt(prevFen, 'prevFen'),
    Math.max(0, 10_000 + WCI_REAL_ESCALATION_BP + cpiBp),
    10_000,
    rounding,
  );
}

/** Joint reserve price of linked jurisdictions: the highest after FX (fx as num/den into the auction currency). */
export function jointReservePrice(
  prices: readonly { priceFen: number; fxNum: number; fxDen: number }[],
  rounding: Rounding = 'half-up',
): number {
  return Math.max(0, ...prices.map((p) => mulDiv(p.priceFen, p.fxNum, p.fxDen, rounding)));
}
