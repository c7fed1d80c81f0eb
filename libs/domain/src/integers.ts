import { DOMAIN_ERRORS, DomainError } from './errors';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Money in fen (CNY 0.01) or cents: always a safe integer. */
export type Fen = Brand<number, 'Fen'>;
/** Quantity in whole units of the instrument (tonnes, tce, m³, MWh). */
export type Quantity = Brand<number, 'Quantity'>;
/** A rate in basis points (1 bp = 0.01 %). 10,000 bp = 100 %. */
export type BasisPoints = number;
export const BP_ONE = 10_000;

export function assertSafeInteger(value: number, what = 'value'): number {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError(DOMAIN_ERRORS.NOT_SAFE_INTEGER, `${what} must be a safe integer, got ${value}`, {
      what,
      value,
    });
  }
  return value;
}

export function assertNonNegativeInteger(value: number, what = 'value'): number {
  assertSafeInteger(value, what);
  if (value < 0)
    throw new DomainError(DOMAIN_ERRORS.NEGATIVE, `${what} must be >= 0, got ${value}`, { what, value });
  return value;
}

export function fen(value: number): Fen {
  return assertSafeInteger(value, 'fen') as Fen;
}

export function quantity(value: number): Quantity {
  return assertNonNegativeInteger(value, 'quantity') as Quantity;
}

/** Parse a decimal yuan/euro string ("77.01") into integer fen/cents without floats. */
export function parseMoney(text: string): Fen {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new DomainError(DOMAIN_ERRORS.INVALID_ARGUMENT, `not a money amount: ${text}`, { text });
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return fen(m[1] === '-' ? -cents : cents);
}

/** Format integer fen/cents as a decimal string with two places. */
export function formatMoney(value: number): string {
  assertSafeInteger(value, 'money');
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total = assertSafeInteger(total + assertSafeInteger(v), 'sum');
  return total;
}
