import { DomainError } from '@app/domain';
import type { ExpectedVersion } from './types';

export const EVENT_STORE_ERRORS = {
  WRONG_EXPECTED_VERSION: 'EVENT_STORE.WRONG_EXPECTED_VERSION',
  INVALID_ARGUMENT: 'EVENT_STORE.INVALID_ARGUMENT',
  POSITION_OVERFLOW: 'EVENT_STORE.POSITION_OVERFLOW',
  UNKNOWN_PROJECTION: 'EVENT_STORE.UNKNOWN_PROJECTION',
} as const;

/** Optimistic concurrency failure: nothing was appended. `actual` is 0 when the stream does not exist. */
export class WrongExpectedVersionError extends DomainError {
  override readonly code = EVENT_STORE_ERRORS.WRONG_EXPECTED_VERSION;

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(
      EVENT_STORE_ERRORS.WRONG_EXPECTED_VERSION,
      `stream ${streamId}: expected version ${String(expected)}, actual ${actual}`,
      { streamId, expected, actual },
    );
    this.name = 'WrongExpectedVersionError';
  }
}

export class EventStoreError extends DomainError {
  constructor(code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(code, message, details);
    this.name = 'EventStoreError';
  }
}
