import { canonicalJson } from '@app/ledger';
import { RECOGNITION_ERRORS, RecognitionError } from './errors';
import type { RecognitionEvent, RecognitionEventType, RecognitionRequest, SerialRange } from './saga-events';

export type SagaStatus =
  | 'rejected'
  | 'requested'
  | 'origin-locked'
  | 'destination-issued'
  | 'origin-cancelled'
  | 'completed'
  | 'compensating'
  | 'compensated';

/** Compensation steps, undone in reverse order: revoke the destination units before unlocking the origin. */
export type Undo = 'revoke-destination' | 'unlock-origin';

export interface SagaState {
  readonly requestId: string;
  readonly request: RecognitionRequest;
  readonly status: SagaStatus;
  readonly ruleId?: string;
  readonly agreementVersion?: string;
  readonly originQuantity: number;
  readonly destinationQuantity: number;
  readonly lockId?: string;
  readonly destinationRange?: SerialRange;
  readonly failure?: string;
  readonly pendingUndo: readonly Undo[];
  /** The events applied, by type: a saga sees each type at most once, which makes duplicates detectable. */
  readonly applied: Readonly<Partial<Record<RecognitionEventType, RecognitionEvent>>>;
}

export const TERMINAL_STATUSES: readonly SagaStatus[] = ['rejected', 'completed', 'compensated'];
export const isTerminal = (s: SagaStatus): boolean => TERMINAL_STATUSES.includes(s);

/** Forward step expected in each status. */
const NEXT: Partial<Record<SagaStatus, RecognitionEventType>> = {
  requested: 'OriginRangeLocked',
  'origin-locked': 'RecognisedUnitsIssued',
  'destination-issued': 'OriginRangeCancelled',
  'origin-cancelled': 'RecognitionCompleted',
};
const AFTER: Partial<Record<RecognitionEventType, SagaStatus>> = {
  OriginRangeLocked: 'origin-locked',
  RecognisedUnitsIssued: 'destination-issued',
  OriginRangeCancelled: 'origin-cancelled',
  RecognitionCompleted: 'completed',
};
const UNDO_BY_STATUS: Partial<Record<SagaStatus, readonly Undo[]>> = {
  requested: [],
  'origin-locked': ['unlock-origin'],
  'destination-issued': ['revoke-destination', 'unlock-origin'],
};

export interface SagaDecision {
  readonly state: SagaState;
  /** True when the event was already applied (same body): nothing changed. */
  readonly duplicate: boolean;
}

function outOfOrder(state: SagaState | undefined, event: RecognitionEvent): never {
  throw new RecognitionError(
    RECOGNITION_ERRORS.OUT_OF_ORDER,
    `${event.type} cannot follow status ${state?.status ?? '(none)'} of ${event.requestId}`,
    { field: 'type', requestId: event.requestId, status: state?.status, type: event.type },
  );
}

/** The saga as a pure state machine: idempotent on duplicates, throws on out-of-order or conflicting events. */
export function decide(state: SagaState | undefined, event: RecognitionEvent): SagaDecision {
  if (state) {
    if (state.requestId !== event.requestId)
      throw new RecognitionError(RECOGNITION_ERRORS.BAD_PARAMETER, 'event for another saga', {
        field: 'requestId',
      });
    const seen = state.applied[event.type];
    if (seen) {
      // A second failure (a timeout racing a rejection) finds the saga already failing: nothing more to do.
      if (event.type === 'RecognitionFailed' || canonicalJson(seen) === canonicalJson(event))
        return { state, duplicate: true };
      throw new RecognitionError(
        RECOGNITION_ERRORS.CONFLICTING_EVENT,
        `${event.type} already applied with another body`,
        {
          field: 'type',
          requestId: event.requestId,
        },
      );
    }
  }
  const next = transition(state, event);
  return { state: { ...next, applied: { ...next.applied, [event.type]: event } }, duplicate: false };
}

function transition(s: SagaState | undefined, e: RecognitionEvent): SagaState {
  if (e.type === 'RecognitionRequested' || e.type === 'RecognitionRequestRejected') {
    if (s) return outOfOrder(s, e);
    const base = { requestId: e.requestId, request: e.request, pendingUndo: [], applied: {} };
    return e.type === 'RecognitionRequested'
      ? {
          ...base,
          status: 'requested',
          ruleId: e.ruleId,
          agreementVersion: e.agreementVersion,
          originQuantity: e.originQuantity,
          destinationQuantity: e.destinationQuantity,
        }
      : {
          ...base,
          status: 'rejected',
          originQuantity: 0,
          destinationQuantity: 0,
          failure: e.reasons.join(','),
        };
  }
  if (!s) return outOfOrder(s, e);
  switch (e.type) {
    case 'OriginRangeLocked':
    case 'RecognisedUnitsIssued':
    case 'OriginRangeCancelled':
    case 'RecognitionCompleted': {
      if (NEXT[s.status] !== e.type) return outOfOrder(s, e);
      const extra =
        e.type === 'OriginRangeLocked'
          ? { lockId: e.lockId }
          : e.type === 'RecognisedUnitsIssued'
            ? { destinationRange: checkedIssue(s, e.destinationRange) }
            : {};
      return { ...s, ...extra, status: AFTER[e.type] as SagaStatus };
    }
    case 'RecognitionFailed': {
      if (s.status === 'origin-cancelled')
        throw new RecognitionError(
          RECOGNITION_ERRORS.PAST_PIVOT,
          `${s.requestId}: the origin range is cancelled; the saga can only complete`,
          { field: 'type', requestId: s.requestId },
        );
      const undo = UNDO_BY_STATUS[s.status];
      if (!undo) return outOfOrder(s, e);
      return { ...s, status: 'compensating', pendingUndo: undo, failure: e.reason };
    }
    case 'RecognisedUnitsRevoked':
    case 'OriginRangeUnlocked': {
      const step: Undo = e.type === 'RecognisedUnitsRevoked' ? 'revoke-destination' : 'unlock-origin';
      if (s.status !== 'compensating' || s.pendingUndo[0] !== step) return outOfOrder(s, e);
      return { ...s, pendingUndo: s.pendingUndo.slice(1) };
    }
    case 'RecognitionCompensated':
      if (s.status !== 'compensating' || s.pendingUndo.length > 0) return outOfOrder(s, e);
      return { ...s, status: 'compensated' };
  }
}

function checkedIssue(s: SagaState, r: SerialRange): SerialRange {
  if (
    !Number.isSafeInteger(r.start) ||
    !Number.isSafeInteger(r.end) ||
    r.end - r.start + 1 !== s.destinationQuantity
  )
    throw new RecognitionError(
      RECOGNITION_ERRORS.BAD_PARAMETER,
      `destination range must hold exactly ${s.destinationQuantity} units`,
      { field: 'destinationRange', requestId: s.requestId },
    );
  return r;
}

/** What the orchestrator should do next for a saga: a forward step, an undo, or nothing (terminal). */
export function nextSagaStep(s: SagaState): RecognitionEventType | undefined {
  if (s.status === 'compensating')
    return s.pendingUndo[0] === 'revoke-destination'
      ? 'RecognisedUnitsRevoked'
      : s.pendingUndo[0] === 'unlock-origin'
        ? 'OriginRangeUnlocked'
        : 'RecognitionCompensated';
  return NEXT[s.status];
}

/**
 * A saga not yet past its pivot (origin cancelled) times out `timeoutMinutes` after the request; the
 * orchestrator then records RecognitionFailed { reason: 'TIMED_OUT' } and compensates.
 */
export function isTimedOut(s: SagaState, nowMs: number, timeoutMinutes: number): boolean {
  return UNDO_BY_STATUS[s.status] !== undefined && nowMs - s.request.requestedAtMs >= timeoutMinutes * 60_000;
}
