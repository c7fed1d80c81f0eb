import { DOMAIN_ERRORS, DomainError } from './errors';
import { assertSafeInteger } from './integers';

/**
 * Named rounding rules.
 * - `half-up`: ties away from zero (commercial rounding, 2.5 → 3, −2.5 → −3)
 * - `half-even`: ties to the even neighbour (banker's rounding)
 * - `floor`: towards −∞; `ceil`: towards +∞; `trunc`: towards zero
 */
export type Rounding = 'half-up' | 'half-even' | 'floor' | 'ceil' | 'trunc';

/** A non-integer factor stated exactly: num / den. */
export interface Rational {
  readonly num: number;
  readonly den: number;
}

export const rational = (num: number, den: number): Rational => {
  assertSafeInteger(num, 'rational.num');
  assertSafeInteger(den, 'rational.den');
  if (den === 0) throw new DomainError(DOMAIN_ERRORS.DIVISION_BY_ZERO, 'rational denominator is zero');
  return { num, den };
};

/** Divide two bigints and round by the named rule. */
export function divRound(num: bigint, den: bigint, rounding: Rounding): bigint {
  if (den === 0n) throw new DomainError(DOMAIN_ERRORS.DIVISION_BY_ZERO, 'division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const q = num / den; // truncates towards zero
  const r = num % den; // same sign as num
  if (r === 0n) return q;
  const negative = num < 0n;
  switch (rounding) {
    case 'trunc':
      return q;
    case 'floor':
      return negative ? q - 1n : q;
    case 'ceil':
      return negative ? q : q + 1n;
    case 'half-up':
    case 'half-even': {
      const twice = 2n * (negative ? -r : r);
      const away = negative ? q - 1n : q + 1n;
      if (twice > den) return away;
      if (twice < den) return q;
      if (rounding === 'half-up') return away;
      return q % 2n === 0n ? q : away;
    }
  }
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new DomainError(DOMAIN_ERRORS.NOT_SAFE_INTEGER, `${what} overflows a safe integer`, {
      what,
      value: value.toString(),
    });
  }
  return Number(value);
}

/** a × b ÷ c, exact, rounded once by the named rule. All inputs and the result must be safe integers. */
export function mulDiv(a: number, b: number, c: number, rounding: Rounding): number {
  assertSafeInteger(a, 'a');
  assertSafeInteger(b, 'b');
  assertSafeInteger(c, 'c');
  return toSafeNumber(divRound(BigInt(a) * BigInt(b), BigInt(c), rounding), 'mulDiv');
}

/** value × bp ÷ 10,000, rounded by the named rule. */
export function applyBp(value: number, bp: number, rounding: Rounding): number {
  return mulDiv(value, bp, 10_000, rounding);
}

/** value × num ÷ den, rounded by the named rule. */
export function applyRational(value: number, r: Rational, rounding: Rounding): number {
  return mulDiv(value, r.num, r.den, rounding);
}

/** a ÷ b rounded by the named rule. */
export function divide(a: number, b: number, rounding: Rounding): number {
  return mulDiv(a, 1, b, rounding);
}

/** Ratio a ÷ b expressed in basis points. */
export function ratioBp(a: number, b: number, rounding: Rounding): number {
  return mulDiv(a, 10_000, b, rounding);
}
