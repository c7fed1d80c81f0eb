import { decide, isTimedOut, nextSagaStep, type SagaState } from './saga';
import type { RecognitionEvent } from './saga-events';
import { scToCqRequest } from './testing-fixtures';

const id = 'req-1';
const requested: RecognitionEvent = {
  type: 'RecognitionRequested',
  requestId: id,
  request: scToCqRequest(),
  agreementVersion: '2026.1',
  ruleId: 'SC-CQ-INCLUSION',
  originQuantity: 1_000,
  destinationQuantity: 1_000,
};
const locked: RecognitionEvent = { type: 'OriginRangeLocked', requestId: id, lockId: 'L-1' };
const issued: RecognitionEvent = {
  type: 'RecognisedUnitsIssued',
  requestId: id,
  destinationRange: { start: 70_001, end: 71_000 },
};
const cancelled: RecognitionEvent = { type: 'OriginRangeCancelled', requestId: id };
const completed: RecognitionEvent = { type: 'RecognitionCompleted', requestId: id };
const timedOut: RecognitionEvent = { type: 'RecognitionFailed', requestId: id, reason: 'TIMED_OUT' };
const revoked: RecognitionEvent = { type: 'RecognisedUnitsRevoked', requestId: id };
const unlocked: RecognitionEvent = { type: 'OriginRangeUnlocked', requestId: id };
const compensated: RecognitionEvent = { type: 'RecognitionCompensated', requestId: id };

const run = (events: readonly RecognitionEvent[]): SagaState =>
  events.reduce<SagaState | undefined>((s, e) => decide(s, e).state, undefined) as SagaState;
const throwsCode = (events: readonly RecognitionEvent[], e: RecognitionEvent, code: string) =>
  expect(() => decide(run(events), e)).toThrow(expect.objectContaining({ code }));

describe('recognition saga: requested → origin-locked → destination-issued → origin-cancelled → completed', () => {
  it('the happy path, with the next step the orchestrator should take at each state', () => {
    const path = [requested, locked, issued, cancelled, completed];
    const statuses = path.map((_, i) => run(path.slice(0, i + 1)).status);
    expect(statuses).toEqual([
      'requested',
      'origin-locked',
      'destination-issued',
      'origin-cancelled',
      'completed',
    ]);
    expect(path.slice(0, 4).map((_, i) => nextSagaStep(run(path.slice(0, i + 1))))).toEqual([
      'OriginRangeLocked',
      'RecognisedUnitsIssued',
      'OriginRangeCancelled',
      'RecognitionCompleted',
    ]);
    expect(nextSagaStep(run(path))).toBeUndefined();
    expect(run(path).destinationRange).toEqual({ start: 70_001, end: 71_000 });
  });

  describe('given origin-locked', () => {
    const at = [requested, locked];
    it('a duplicate lock is a no-op (same state object, flagged duplicate)', () => {
      const s = run(at);
      const d = decide(s, locked);
      expect(d).toEqual({ state: s, duplicate: true });
      expect(d.state).toBe(s);
    });
    it('a lock with another lock id → CONFLICTING_EVENT', () => {
      throwsCode(at, { ...locked, lockId: 'L-2' } as RecognitionEvent, 'RECOGNITION.CONFLICTING_EVENT');
    });
    it('cancelling the origin before the destination issued → OUT_OF_ORDER', () => {
      throwsCode(at, cancelled, 'RECOGNITION.OUT_OF_ORDER');
    });
    it('an issuance of the wrong size → BAD_PARAMETER', () => {
      throwsCode(
        at,
        { ...issued, destinationRange: { start: 1, end: 999 } } as RecognitionEvent,
        'RECOGNITION.BAD_PARAMETER',
      );
    });
    it('a rejection racing the timeout changes nothing: the saga is already failing', () => {
      const s = run([...at, timedOut]);
      const d = decide(s, { type: 'RecognitionFailed', requestId: id, reason: 'REJECTED_BY_DESTINATION' });
      expect(d).toEqual({ state: s, duplicate: true });
      expect(d.state.failure).toBe('TIMED_OUT');
    });
    it('on timeout: compensate by unlocking the origin, then close', () => {
      const s = run([...at, timedOut]);
      expect(s).toMatchObject({
        status: 'compensating',
        pendingUndo: ['unlock-origin'],
        failure: 'TIMED_OUT',
      });
      expect(nextSagaStep(s)).toBe('OriginRangeUnlocked');
      expect(run([...at, timedOut, unlocked, compensated]).status).toBe('compensated');
    });
  });

  describe('given destination-issued', () => {
    const at = [requested, locked, issued];
    it('on rejection: revoke the recognised units first, then unlock — never the other way round', () => {
      const failed = [
        ...at,
        { type: 'RecognitionFailed', requestId: id, reason: 'REJECTED_BY_ORIGIN' } as RecognitionEvent,
      ];
      expect(run(failed).pendingUndo).toEqual(['revoke-destination', 'unlock-origin']);
      throwsCode(failed, unlocked, 'RECOGNITION.OUT_OF_ORDER');
      throwsCode([...failed, revoked], compensated, 'RECOGNITION.OUT_OF_ORDER');
      expect(run([...failed, revoked, unlocked, compensated]).status).toBe('compensated');
    });
  });

  describe('given requested', () => {
    it('a failure before any lock has nothing to undo', () => {
      const s = run([requested, timedOut]);
      expect(s.pendingUndo).toEqual([]);
      expect(nextSagaStep(s)).toBe('RecognitionCompensated');
    });
    it('a step of another saga → BAD_PARAMETER; a second request → duplicate', () => {
      throwsCode(
        [requested],
        { ...locked, requestId: 'req-2' } as RecognitionEvent,
        'RECOGNITION.BAD_PARAMETER',
      );
      expect(decide(run([requested]), requested).duplicate).toBe(true);
    });
  });

  describe('given origin-cancelled (the pivot)', () => {
    const at = [requested, locked, issued, cancelled];
    it('a failure → PAST_PIVOT: the saga can only complete', () => {
      throwsCode(at, timedOut, 'RECOGNITION.PAST_PIVOT');
    });
    it('and does not time out', () => {
      expect(isTimedOut(run(at), 10 ** 12, 1)).toBe(false);
    });
  });

  describe('given completed or compensated', () => {
    it('nothing more happens', () => {
      throwsCode([requested, locked, issued, cancelled, completed], timedOut, 'RECOGNITION.OUT_OF_ORDER');
      throwsCode([requested, timedOut, compensated], locked, 'RECOGNITION.OUT_OF_ORDER');
    });
  });

  it('timeout: 24 h after the request, not before', () => {
    const s = run([requested, locked]);
    const t0 = scToCqRequest().requestedAtMs;
    expect(isTimedOut(s, t0 + 1_440 * 60_000 - 1, 1_440)).toBe(false);
    expect(isTimedOut(s, t0 + 1_440 * 60_000, 1_440)).toBe(true);
  });

  it('a step before the request → OUT_OF_ORDER', () => {
    expect(() => decide(undefined, locked)).toThrow(
      expect.objectContaining({ code: 'RECOGNITION.OUT_OF_ORDER' }),
    );
  });
});
