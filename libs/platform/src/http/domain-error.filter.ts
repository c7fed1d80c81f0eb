import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

/** Errors from the core carry a stable code (`AREA.REASON`); the HTTP status is decided here, once. */
export interface CodedError {
  code: string;
  message: string;
  field?: string;
}

export function isCodedError(error: unknown): error is CodedError {
  return (
    error instanceof Error &&
    typeof (error as unknown as Partial<CodedError>).code === 'string' &&
    /^[A-Z_]+\.[A-Z_]+$/.test((error as unknown as CodedError).code)
  );
}

/** The offending input field, given either directly or in the `details` of a DomainError. */
export function fieldOf(error: CodedError): string | undefined {
  if (typeof error.field === 'string') return error.field;
  const details = (error as { details?: { field?: unknown } }).details;
  return typeof details?.field === 'string' ? details.field : undefined;
}

export function statusForCode(code: string): number {
  const reason = code.slice(code.indexOf('.') + 1);
  if (reason.startsWith('UNKNOWN_') || reason.endsWith('_NOT_FOUND') || reason === 'NOT_FOUND')
    return HttpStatus.NOT_FOUND;
  if (reason === 'WRONG_EXPECTED_VERSION' || reason.startsWith('DUPLICATE') || reason.endsWith('_CONFLICT'))
    return HttpStatus.CONFLICT;
  if (reason === 'FORBIDDEN') return HttpStatus.FORBIDDEN;
  return HttpStatus.UNPROCESSABLE_ENTITY;
}

/** Node socket errors and PostgreSQL SQLSTATEs (classes 08, 57P) that mean the database is unreachable, not that the request is wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

/** The database (or the connection to it) is down or restarting: the same request may succeed shortly. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return error instanceof Error && /^Connection terminated/.test(error.message);
}

/** How an error a handler threw is answered: its status, JSON body and any extra header. */
export interface ErrorAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * An HttpException as it says, a coded error by its code (the field named), an error carrying a
 * 4xx status (body-parser's) as is, an unreachable database 503, anything else 500 (logged).
 */
export function answerToError(error: unknown, logger: Logger): ErrorAnswer {
  if (error instanceof HttpException) return { status: error.getStatus(), body: error.getResponse() };
  if (isCodedError(error)) {
    const status = statusForCode(error.code);
    return {
      status,
      body: { statusCode: status, code: error.code, message: error.message, field: fieldOf(error) },
    };
  }
  // Body-parser errors (malformed JSON, too large) arrive as plain errors with a status.
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { status, body: { statusCode: status, message: (error as Error).message } };
  if (isUnavailable(error)) {
    logger.warn(`dependency unavailable: ${(error as Error).message}`);
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: 'Service temporarily unavailable; retry' },
      headers: { 'Retry-After': '1' },
    };
  }
  logger.error(error);
  return { status: 500, body: { statusCode: 500, message: 'Internal server error' } };
}

@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('DomainErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const { status, body, headers } = answerToError(error, this.logger);
    const response = host.switchToHttp().getResponse<Response>();
    if (headers) response.set(headers);
    response.status(status).json(body);
  }
}
