import { DomainError } from '@app/domain';
import type { Province } from '@app/pricing';
import { isoDayNumber } from './iso-day';
import { METHODOLOGIES, type Methodology } from './methodologies';

export const INCLUSION_ERRORS = {
  UNKNOWN_METHODOLOGY: 'CARBON_INCLUSION.UNKNOWN_METHODOLOGY',
  WRONG_PROVINCE: 'CARBON_INCLUSION.WRONG_PROVINCE',
  NOT_INTEGER: 'CARBON_INCLUSION.NOT_INTEGER',
  NEGATIVE: 'CARBON_INCLUSION.NEGATIVE',
  IMPLAUSIBLE: 'CARBON_INCLUSION.IMPLAUSIBLE',
  BAD_DATE: 'CARBON_INCLUSION.BAD_DATE',
  BAD_PERIOD: 'CARBON_INCLUSION.BAD_PERIOD',
  FUTURE_DATE: 'CARBON_INCLUSION.FUTURE_DATE',
  BAD_CARRY: 'CARBON_INCLUSION.BAD_CARRY',
} as const;

export interface ActivityRecord {
  readonly recordId: string;
  readonly methodologyId: string;
  /** Province where the activity took place. */
  readonly province: Province;
  /** kWh, km, or number of trees alive over the period. */
  readonly quantity: number;
  /** Inclusive period, YYYY-MM-DD. */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Today, from the injected clock: the period may not end after it. */
  readonly asOf: string;
}

/** A sub-tonne remainder carried to the holder's next record under the same methodology: num / methodology.factor.den. */
export interface Carry {
  readonly methodologyId: string;
  readonly num: number;
}

export interface CreditResult {
  /** Whole tCO2e credited. */
  readonly credits: number;
  readonly carry: Carry;
  readonly days: number;
}

const fail = (code: string, message: string, field: string): never => {
  throw new DomainError(code, message, { field });
};

export function methodologyById(id: string, catalogue: readonly Methodology[] = METHODOLOGIES): Methodology {
  return (
    catalogue.find((m) => m.id === id) ??
    fail(INCLUSION_ERRORS.UNKNOWN_METHODOLOGY, `unknown methodology ${id}`, 'methodologyId')
  );
}

/**
 * Credits = ⌊(activity × factor + carried remainder)⌋ whole tonnes, where activity = quantity (kWh, km) or
 * trees × days. The remainder (< 1 t) is carried to the holder's next record under the same methodology,
 * never dropped and never rounded up. Impossible records are rejected with the field at fault.
 */
export function creditsFromActivity(
  methodology: Methodology,
  record: ActivityRecord,
  carry: Carry = { methodologyId: methodology.id, num: 0 },
): CreditResult {
  if (record.methodologyId !== methodology.id)
    fail(INCLUSION_ERRORS.UNKNOWN_METHODOLOGY, `record is for ${record.methodologyId}`, 'methodologyId');
  if (record.province !== methodology.province)
    fail(INCLUSION_ERRORS.WRONG_PROVINCE, `${methodology.id} applies in ${methodology.province}`, 'province');
  if (!Number.isSafeInteger(record.quantity))
    fail(INCLUSION_ERRORS.NOT_INTEGER, `quantity must be a whole ${methodology.unit}`, 'quantity');
  if (record.quantity < 0) fail(INCLUSION_ERRORS.NEGATIVE, 'quantity must be ≥ 0', 'quantity');
  const start =
    isoDayNumber(record.periodStart) ?? fail(INCLUSION_ERRORS.BAD_DATE, 'not a date', 'periodStart');
  const end = isoDayNumber(record.periodEnd) ?? fail(INCLUSION_ERRORS.BAD_DATE, 'not a date', 'periodEnd');
  const today = isoDayNumber(record.asOf) ?? fail(INCLUSION_ERRORS.BAD_DATE, 'not a date', 'asOf');
  if (end < start) fail(INCLUSION_ERRORS.BAD_PERIOD, 'period ends before it starts', 'periodEnd');
  if (end > today) fail(INCLUSION_ERRORS.FUTURE_DATE, `period ends after ${record.asOf}`, 'periodEnd');
  const days = end - start + 1;
  const { perDay, perRecord } = methodology.cap;
  if (
    (perDay !== undefined && record.quantity > perDay * days) ||
    (perRecord !== undefined && record.quantity > perRecord)
  )
    fail(
      INCLUSION_ERRORS.IMPLAUSIBLE,
      `${record.quantity} ${methodology.unit} exceeds the physical cap (${perDay !== undefined ? `${perDay}/day` : `${perRecord}/record`})`,
      'quantity',
    );
  const den = BigInt(methodology.factor.den);
  if (
    carry.methodologyId !== methodology.id ||
    !Number.isSafeInteger(carry.num) ||
    carry.num < 0 ||
    BigInt(carry.num) >= den
  )
    fail(INCLUSION_ERRORS.BAD_CARRY, 'carry must be a remainder of this methodology', 'carry');
  const activity = BigInt(record.quantity) * BigInt(methodology.activity === 'tree-planting' ? days : 1);
  const total = activity * BigInt(methodology.factor.num) + BigInt(carry.num);
  return {
    credits: Number(total / den),
    carry: { methodologyId: methodology.id, num: Number(total % den) },
    days,
  };
}
