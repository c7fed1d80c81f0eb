import { DomainError } from '@app/domain';

export const CROSS_PROVINCE_ERRORS = {
  SAME_PROVINCE: 'CROSS_PROVINCE.SAME_PROVINCE',
  KIND_NOT_ELIGIBLE: 'CROSS_PROVINCE.KIND_NOT_ELIGIBLE',
  UNKNOWN_SELLER: 'CROSS_PROVINCE.UNKNOWN_SELLER',
  UNKNOWN_BUYER: 'CROSS_PROVINCE.UNKNOWN_BUYER',
  RIGHTS_NOT_HELD: 'CROSS_PROVINCE.RIGHTS_NOT_HELD',
  DUPLICATE_TRANSFER: 'CROSS_PROVINCE.DUPLICATE_TRANSFER',
  UNKNOWN_TRANSFER: 'CROSS_PROVINCE.UNKNOWN_TRANSFER',
  /** A regulator deciding a side that is not its province's, or an actor that is no regulator. */
  FORBIDDEN: 'CROSS_PROVINCE.FORBIDDEN',
  DUPLICATE_DECISION: 'CROSS_PROVINCE.DUPLICATE_DECISION',
  STATUS_CONFLICT: 'CROSS_PROVINCE.STATUS_CONFLICT',
  REASON_REQUIRED: 'CROSS_PROVINCE.REASON_REQUIRED',
  /** A query parameter of the list that is not one of its values. */
  BAD_PARAMETER: 'CROSS_PROVINCE.BAD_PARAMETER',
} as const;

export const crossProvinceError = (code: string, message: string, field: string): DomainError =>
  new DomainError(code, message, { field });
