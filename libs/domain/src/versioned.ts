import { DOMAIN_ERRORS, DomainError } from './errors';

/**
 * A parameter value that applies from an effective date (ISO `YYYY-MM-DD`, compared as text so
 * no Date is needed). Markets change their numbers mid-life; replays must pick the value in force.
 */
export interface Versioned<T> {
  readonly effectiveFrom: string;
  readonly value: T;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The value in force on `on` (latest `effectiveFrom` ≤ on). Throws DOMAIN.INVALID_ARGUMENT if none. */
export function effectiveOn<T>(versions: readonly Versioned<T>[], on: string): T {
  if (!ISO_DATE.test(on))
    throw new DomainError(DOMAIN_ERRORS.INVALID_ARGUMENT, `not an ISO date: ${on}`, { on });
  let best: Versioned<T> | undefined;
  for (const v of versions) {
    if (!ISO_DATE.test(v.effectiveFrom)) {
      throw new DomainError(DOMAIN_ERRORS.INVALID_ARGUMENT, `not an ISO date: ${v.effectiveFrom}`, {
        effectiveFrom: v.effectiveFrom,
      });
    }
    if (v.effectiveFrom <= on && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  if (!best) throw new DomainError(DOMAIN_ERRORS.INVALID_ARGUMENT, `no version in force on ${on}`, { on });
  return best.value;
}
