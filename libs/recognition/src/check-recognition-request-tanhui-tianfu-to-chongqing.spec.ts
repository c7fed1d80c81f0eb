import { REJECTION } from './errors';
import { checkRecognitionRequest, requestRecognition } from './check-request';
import { CHENGYU_RECOGNITION_2026_1 } from './presets';
import {
  applyRecognitionEvent,
  initialRecognitionState,
  replayRecognition,
  type RecognitionState,
} from './recognition-state';
import type { RecognitionEvent } from './saga-events';
import { scToCqRequest } from './testing-fixtures';

const rules = CHENGYU_RECOGNITION_2026_1;
const reasons = (r: ReturnType<typeof checkRecognitionRequest>) => (r.accepted ? [] : r.reasons);

describe('checkRecognitionRequest: 1,000 碳惠天府 (vintage 2024, serials 1,001–2,000) to Chongqing', () => {
  it('accepted one for one under SC-CQ-INCLUSION', () => {
    const r = checkRecognitionRequest(rules, initialRecognitionState, scToCqRequest());
    expect(r).toMatchObject({ accepted: true, originQuantity: 1_000, destinationQuantity: 1_000 });
    expect(r.accepted && r.rule.ruleId).toBe('SC-CQ-INCLUSION');
  });

  it.each([
    ['a kind no rule covers (CCER)', { kind: 'CCER' as const }, [REJECTION.KIND_EXCLUDED]],
    ['a CQ credit sent the wrong way (CQCER from SC)', { kind: 'CQCER' as const }, [REJECTION.KIND_EXCLUDED]],
    ['vintage 2019 (rules accept 2021–2026)', { vintage: 2019 }, [REJECTION.VINTAGE_EXCLUDED]],
    ['a hydro project (excluded in Chongqing)', { projectType: 'hydro' }, [REJECTION.PROJECT_TYPE_EXCLUDED]],
    [
      'to its own province',
      { destination: 'SC' as const },
      [REJECTION.SAME_JURISDICTION, REJECTION.KIND_EXCLUDED],
    ],
    ['an empty range', { range: { start: 10, end: 9 } }, [REJECTION.BAD_RANGE]],
  ])('rejects %s', (_name, over, expected) => {
    expect(reasons(checkRecognitionRequest(rules, initialRecognitionState, scToCqRequest(over)))).toEqual(
      expected,
    );
  });

  it('a use the rule does not allow → USE_NOT_ALLOWED', () => {
    const only = {
      ...rules,
      rules: rules.rules.map((r) => ({ ...r, uses: ['voluntary-retirement' as const] })),
    };
    expect(reasons(checkRecognitionRequest(only, initialRecognitionState, scToCqRequest()))).toEqual([
      REJECTION.USE_NOT_ALLOWED,
    ]);
  });

  it('a 3:4 conversion: 1,000 origin units → 750 recognised; 999 → CONVERSION_NOT_WHOLE', () => {
    const r34 = { ...rules, rules: rules.rules.map((r) => ({ ...r, conversion: { num: 3, den: 4 } })) };
    expect(checkRecognitionRequest(r34, initialRecognitionState, scToCqRequest())).toMatchObject({
      destinationQuantity: 750,
    });
    const odd = scToCqRequest({ range: { start: 1_001, end: 1_999 } });
    expect(reasons(checkRecognitionRequest(r34, initialRecognitionState, odd))).toEqual([
      REJECTION.CONVERSION_NOT_WHOLE,
    ]);
  });

  describe('given a first request of 1,000 under a 1,500 t quota', () => {
    const small = { ...rules, rules: rules.rules.map((r) => ({ ...r, annualQuota: 1_500 })) };
    const first: RecognitionEvent[] = requestRecognition(small, initialRecognitionState, scToCqRequest());
    const state: RecognitionState = replayRecognition(first);
    const second = scToCqRequest({ requestId: 'req-2', range: { start: 5_001, end: 5_600 } });

    it('600 more → QUOTA_EXCEEDED; 500 more fits; the next year has its own quota', () => {
      expect(reasons(checkRecognitionRequest(small, state, second))).toEqual([REJECTION.QUOTA_EXCEEDED]);
      expect(
        checkRecognitionRequest(small, state, { ...second, range: { start: 5_001, end: 5_500 } }).accepted,
      ).toBe(true);
      expect(checkRecognitionRequest(small, state, { ...second, year: 2027 }).accepted).toBe(true);
    });

    it('overlapping serials → SERIALS_LOCKED; the same serials in the other registry are unrelated', () => {
      const overlap = scToCqRequest({ requestId: 'req-3', range: { start: 1_500, end: 1_600 } });
      expect(reasons(checkRecognitionRequest(small, state, overlap))).toEqual([REJECTION.SERIALS_LOCKED]);
      const fromCq = {
        ...overlap,
        origin: 'CQ' as const,
        destination: 'SC' as const,
        kind: 'CQCER' as const,
      };
      expect(checkRecognitionRequest(small, state, fromCq).accepted).toBe(true);
    });

    it('serials the origin registry reports cancelled (e.g. retired there) → SERIALS_CANCELLED', () => {
      const held = [{ range: { start: 5_100, end: 5_100 }, status: 'cancelled' as const }];
      expect(
        reasons(
          checkRecognitionRequest(small, state, { ...second, range: { start: 5_001, end: 5_200 } }, held),
        ),
      ).toEqual([REJECTION.SERIALS_CANCELLED]);
    });

    it('once the first saga completed, its serials are SERIALS_RECOGNISED; once compensated, free again and the quota released', () => {
      const steps: RecognitionEvent[] = [
        { type: 'OriginRangeLocked', requestId: 'req-1', lockId: 'L1' },
        { type: 'RecognisedUnitsIssued', requestId: 'req-1', destinationRange: { start: 1, end: 1_000 } },
        { type: 'OriginRangeCancelled', requestId: 'req-1' },
        { type: 'RecognitionCompleted', requestId: 'req-1' },
      ];
      const done = replayRecognition([...first, ...steps]);
      const again = scToCqRequest({ requestId: 'req-4' });
      // the completed 1,000 still count against the 1,500 quota
      expect(reasons(checkRecognitionRequest(small, done, again))).toEqual([
        REJECTION.QUOTA_EXCEEDED,
        REJECTION.SERIALS_RECOGNISED,
      ]);
      const undone = replayRecognition([
        ...first,
        steps[0]!,
        { type: 'RecognitionFailed', requestId: 'req-1', reason: 'TIMED_OUT' },
        { type: 'OriginRangeUnlocked', requestId: 'req-1' },
        { type: 'RecognitionCompensated', requestId: 'req-1' },
      ]);
      expect(
        checkRecognitionRequest(small, undone, { ...again, range: { start: 1_001, end: 2_500 } }).accepted,
      ).toBe(true);
    });

    it('requestRecognition: a retry with the same id and body → []; another body under the id → DUPLICATE_REQUEST_ID', () => {
      expect(requestRecognition(small, state, scToCqRequest())).toEqual([]);
      expect(() => requestRecognition(small, state, scToCqRequest({ vintage: 2025 }))).toThrow(
        expect.objectContaining({ code: 'RECOGNITION.DUPLICATE_REQUEST_ID' }),
      );
    });

    it('a rejected request is recorded with every reason and touches nothing', () => {
      const events = requestRecognition(small, state, { ...second, vintage: 2019, use: 'compliance-offset' });
      expect(events).toEqual([
        {
          type: 'RecognitionRequestRejected',
          requestId: 'req-2',
          request: { ...second, vintage: 2019 },
          reasons: [REJECTION.VINTAGE_EXCLUDED, REJECTION.QUOTA_EXCEEDED],
        },
      ]);
      const after = applyRecognitionEvent(state, events[0]!).state;
      expect(after.sagas['req-2']?.status).toBe('rejected');
      expect(
        checkRecognitionRequest(small, after, {
          ...second,
          requestId: 'req-5',
          range: { start: 5_001, end: 5_500 },
        }).accepted,
      ).toBe(true);
    });

    it('two requests decided concurrently on the same serials cannot both be recorded → STALE_EVENT', () => {
      const racer = requestRecognition(
        small,
        initialRecognitionState,
        scToCqRequest({ requestId: 'req-9', range: { start: 1_900, end: 2_100 } }),
      );
      expect(() => applyRecognitionEvent(state, racer[0]!)).toThrow(
        expect.objectContaining({ code: 'RECOGNITION.STALE_EVENT' }),
      );
    });
  });
});
