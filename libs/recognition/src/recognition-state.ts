import { withEntries } from '@app/domain';
import { RECOGNITION_ERRORS, RecognitionError } from './errors';
import { decide, isTerminal, type SagaState } from './saga';
import type { RecognitionEvent, SerialRange } from './saga-events';
import type { Province } from '@app/pricing';

export interface RecognitionState {
  readonly sagas: Readonly<Record<string, SagaState>>;
}

export const initialRecognitionState: RecognitionState = { sagas: {} };

/** What a recognition saga does to its origin serials, by status. */
export type ClaimStatus = 'locked' | 'cancelled' | 'recognised';

export interface SerialClaim {
  readonly requestId: string;
  readonly origin: Province;
  readonly range: SerialRange;
  readonly status: ClaimStatus;
}

const CLAIM_BY_STATUS: Partial<Record<SagaState['status'], ClaimStatus>> = {
  requested: 'locked',
  'origin-locked': 'locked',
  'destination-issued': 'locked',
  compensating: 'locked',
  'origin-cancelled': 'cancelled',
  completed: 'recognised',
};

export const overlaps = (a: SerialRange, b: SerialRange): boolean => a.start <= b.end && b.start <= a.end;

/** Origin ranges held by sagas that are live or completed (rejected and compensated sagas hold nothing). */
export function serialClaims(state: RecognitionState): SerialClaim[] {
  const out: SerialClaim[] = [];
  for (const s of Object.values(state.sagas)) {
    const status = CLAIM_BY_STATUS[s.status];
    if (status)
      out.push({ requestId: s.requestId, origin: s.request.origin, range: s.request.range, status });
  }
  return out;
}

/** Destination units reserved against a rule's annual quota: every saga not rejected or compensated. */
export function quotaUsed(state: RecognitionState, ruleId: string, year: number): number {
  let used = 0;
  for (const s of Object.values(state.sagas)) {
    if (s.ruleId === ruleId && s.request.year === year && CLAIM_BY_STATUS[s.status])
      used += s.destinationQuantity;
  }
  return used;
}

export interface Applied {
  readonly state: RecognitionState;
  readonly duplicate: boolean;
}

/**
 * Apply one event. Duplicates are no-ops; out-of-order or conflicting events throw and change nothing.
 * A request whose serials overlap a live claim is refused as RECOGNITION.STALE_EVENT: two requests decided
 * concurrently on the same serials can never both be recorded.
 */
export function applyRecognitionEvent(state: RecognitionState, event: RecognitionEvent): Applied {
  const current = state.sagas[event.requestId];
  if (event.type === 'RecognitionRequested' && !current) {
    const clash = serialClaims(state).find(
      (c) => c.origin === event.request.origin && overlaps(c.range, event.request.range),
    );
    if (clash)
      throw new RecognitionError(
        RECOGNITION_ERRORS.STALE_EVENT,
        `serials already claimed by ${clash.requestId}`,
        {
          field: 'request.range',
          requestId: event.requestId,
        },
      );
  }
  const d = decide(current, event);
  if (d.duplicate) return { state, duplicate: true };
  return { state: { sagas: withEntries(state.sagas, { [event.requestId]: d.state }) }, duplicate: false };
}

export const evolveRecognition = (state: RecognitionState, event: RecognitionEvent): RecognitionState =>
  applyRecognitionEvent(state, event).state;

export function replayRecognition(events: readonly RecognitionEvent[]): RecognitionState {
  return events.reduce(evolveRecognition, initialRecognitionState);
}

export const openSagas = (state: RecognitionState): SagaState[] =>
  Object.values(state.sagas).filter((s) => !isTerminal(s.status));
