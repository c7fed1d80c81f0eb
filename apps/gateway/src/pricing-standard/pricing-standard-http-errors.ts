import { HttpException, HttpStatus } from '@nestjs/common';
import { isCodedError, fieldOf } from '@app/platform';

/**
 * The library's reasons that are not the default 422 here: a malformed document or date is the
 * client's syntax (400), a repeated approval or version a conflict (409), an unknown version or
 * entry 404, and a regulator acting for the other province (or no regulator at all) 403.
 */
const STATUS: Readonly<Record<string, HttpStatus>> = {
  'PRICING.INVALID_STANDARD': HttpStatus.BAD_REQUEST,
  'PRICING.VERSION_MISMATCH': HttpStatus.BAD_REQUEST,
  'PRICING.BAD_DATE': HttpStatus.BAD_REQUEST,
  'PRICING.BAD_PARAMETER': HttpStatus.BAD_REQUEST,
  'PRICING.ALREADY_APPROVED': HttpStatus.CONFLICT,
  'PRICING.VERSION_EXISTS': HttpStatus.CONFLICT,
  'PRICING.EFFECTIVE_DATE_MISMATCH': HttpStatus.CONFLICT,
  'PRICING.COMMAND_CONFLICT': HttpStatus.CONFLICT,
  'PRICING.UNKNOWN_VERSION': HttpStatus.NOT_FOUND,
  'PRICING.NO_STANDARD_IN_FORCE': HttpStatus.NOT_FOUND,
  'PRICING.UNKNOWN_BENCHMARK': HttpStatus.NOT_FOUND,
  'PRICING.UNKNOWN_FACTOR': HttpStatus.NOT_FOUND,
  'PRICING.UNKNOWN_REGULATOR': HttpStatus.FORBIDDEN,
  'PRICING.WRONG_JURISDICTION': HttpStatus.FORBIDDEN,
};

/** Runs `work`, answering a coded pricing error with its status, code, field (and every issue). */
export async function withPricingStatus<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isCodedError(error) || STATUS[error.code] === undefined) throw error;
    const status = STATUS[error.code];
    const issues = (error as { details?: { issues?: unknown } }).details?.issues;
    throw new HttpException(
      {
        statusCode: status,
        code: error.code,
        message: error.message,
        field: fieldOf(error),
        ...(issues === undefined ? {} : { issues }),
      },
      status,
    );
  }
}
