import fc from 'fast-check';
import type { RecognitionAgreement } from './agreement';
import { nextSagaStep } from './saga';
import { requestRecognition } from './check-request';
import {
  applyRecognitionEvent,
  openSagas,
  initialRecognitionState,
  replayRecognition,
  serialClaims,
  overlaps,
  type RecognitionState,
} from './recognition-state';
import type { RecognitionEvent, RecognitionEventType, RecognitionRequest } from './saga-events';
import type { Province } from '@app/pricing';

const ISSUED = 60; // each origin registry issued serials 1..60
const agreement: RecognitionAgreement = {
  version: '2026.1',
  title: 'test',
  sagaTimeoutMinutes: 60,
  rules: [
    {
      ruleId: 'SC-CQ',
      origin: 'SC',
      destination: 'CQ',
      creditKinds: ['TANHUI_TIANFU'],
      vintages: { from: 2021, to: 2026 },
      excludedProjectTypes: [],
      conversion: { num: 1, den: 1 },
      annualQuota: 80,
      uses: ['compliance-offset', 'voluntary-retirement'],
    },
    {
      ruleId: 'CQ-SC',
      origin: 'CQ',
      destination: 'SC',
      creditKinds: ['CQCER'],
      vintages: { from: 2021, to: 2026 },
      excludedProjectTypes: [],
      conversion: { num: 2, den: 1 },
      annualQuota: 120,
      uses: ['voluntary-retirement'],
    },
  ],
};
const STEP_TYPES: RecognitionEventType[] = [
  'OriginRangeLocked',
  'RecognisedUnitsIssued',
  'OriginRangeCancelled',
  'RecognitionCompleted',
  'RecognitionFailed',
  'RecognisedUnitsRevoked',
  'OriginRangeUnlocked',
  'RecognitionCompensated',
];
const EXPECTED_REFUSALS = ['RECOGNITION.OUT_OF_ORDER', 'RECOGNITION.PAST_PIVOT'];

type Action =
  | {
      kind: 'request';
      origin: Province;
      start: number;
      len: number;
      vintage: number;
      use: 'compliance-offset' | 'voluntary-retirement';
    }
  | { kind: 'step'; pick: number; type: RecognitionEventType }
  | { kind: 'advance'; pick: number }
  | { kind: 'fail'; pick: number }
  | { kind: 'duplicate'; pick: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('request' as const),
    origin: fc.constantFrom<Province>('SC', 'CQ'),
    start: fc.integer({ min: 1, max: ISSUED }),
    len: fc.integer({ min: 1, max: 15 }),
    vintage: fc.constantFrom(2019, 2024, 2024, 2024),
    use: fc.constantFrom('compliance-offset' as const, 'voluntary-retirement' as const),
  }),
  {
    arbitrary: fc.record({
      kind: fc.constant('step' as const),
      pick: fc.nat(),
      type: fc.constantFrom(...STEP_TYPES),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), pick: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('fail' as const), pick: fc.nat() }), weight: 2 },
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
);

/** The two registries as the saga's steps drive them; each step asserts what the real registry would check. */
class Registries {
  readonly origin: Record<Province, ('free' | 'locked' | 'cancelled')[]> = {
    SC: Array<'free'>(ISSUED + 1).fill('free'),
    CQ: Array<'free'>(ISSUED + 1).fill('free'),
  };
  /** requestId → recognised units live in the destination registry. */
  readonly live = new Map<string, { origin: Province; start: number; end: number; units: number }>();

  apply(state: RecognitionState, e: RecognitionEvent): void {
    const s = state.sagas[e.requestId];
    if (!s) return;
    const { origin, range } = s.request;
    const serials = this.origin[origin].slice(range.start, range.end + 1);
    const set = (v: 'free' | 'locked' | 'cancelled') => {
      for (let i = range.start; i <= Math.min(range.end, ISSUED); i++) this.origin[origin][i] = v;
    };
    switch (e.type) {
      case 'OriginRangeLocked':
        expect(serials.every((x) => x === 'free')).toBe(true);
        return set('locked');
      case 'RecognisedUnitsIssued':
        expect(serials.every((x) => x === 'locked')).toBe(true);
        this.live.set(e.requestId, { origin, ...range, units: s.destinationQuantity });
        return;
      case 'OriginRangeCancelled':
        expect(serials.every((x) => x === 'locked')).toBe(true);
        return set('cancelled');
      case 'RecognisedUnitsRevoked':
        expect(this.live.has(e.requestId)).toBe(true);
        this.live.delete(e.requestId);
        return;
      case 'OriginRangeUnlocked':
        expect(serials.every((x) => x === 'locked')).toBe(true);
        expect(this.live.has(e.requestId)).toBe(false);
        return set('free');
      default:
        return;
    }
  }

  /** Violations of the no-double-counting invariants (empty when all hold); plain loops, one expect per step. */
  violations(): string[] {
    const out: string[] = [];
    for (const p of ['SC', 'CQ'] as const) {
      const inDestination = Array<number>(ISSUED + 1).fill(0);
      for (const l of this.live.values())
        if (l.origin === p)
          for (let i = l.start; i <= l.end; i++) inDestination[i] = (inDestination[i] ?? 0) + 1;
      let homes = 0;
      for (let i = 1; i <= ISSUED; i++) {
        const usableInOrigin = this.origin[p][i] === 'free' ? 1 : 0;
        const usableInDestination = inDestination[i] as number;
        // a serial is usable in at most one registry at a time…
        if (usableInOrigin + usableInDestination > 1) out.push(`${p}#${i} usable in two places`);
        // …and lives in exactly one place: free or locked at origin with no counterpart, or in the destination
        const lockedAlone = this.origin[p][i] === 'locked' && usableInDestination === 0 ? 1 : 0;
        homes += usableInOrigin + lockedAlone + usableInDestination;
        if (this.origin[p][i] === 'cancelled' && usableInDestination !== 1)
          out.push(`${p}#${i} cancelled, not in destination`);
      }
      if (homes !== ISSUED) out.push(`${p}: ${homes} units accounted for, ${ISSUED} issued`);
    }
    for (const [id, l] of this.live) {
      const rule = agreement.rules.find((r) => r.origin === l.origin)!;
      if (l.units * rule.conversion.den !== (l.end - l.start + 1) * rule.conversion.num)
        out.push(`${id}: wrong conversion`);
    }
    return out;
  }
}

function eventFor(
  state: RecognitionState,
  pick: number,
  type: RecognitionEventType,
): RecognitionEvent | undefined {
  const ids = Object.keys(state.sagas).sort();
  if (ids.length === 0) return undefined;
  const requestId = ids[pick % ids.length] as string;
  const s = state.sagas[requestId]!;
  switch (type) {
    case 'OriginRangeLocked':
      return { type, requestId, lockId: `L-${requestId}` };
    case 'RecognisedUnitsIssued': {
      const start = 1_000 * (ids.indexOf(requestId) + 1);
      return {
        type,
        requestId,
        destinationRange: { start, end: start + Math.max(s.destinationQuantity, 1) - 1 },
      };
    }
    case 'RecognitionFailed':
      return { type, requestId, reason: 'TIMED_OUT' };
    default:
      return { type, requestId } as RecognitionEvent;
  }
}

describe('recognition: no double counting over random requests, steps, failures and duplicates', () => {
  it('a serial is usable in one registry at most; totals equal issuance; replay gives the same state', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 10, maxLength: 80, size: 'max' }), (actions) => {
        let state = initialRecognitionState;
        const log: RecognitionEvent[] = [];
        const registries = new Registries();
        let n = 0;
        const record = (e: RecognitionEvent) => {
          const before = state;
          try {
            const r = applyRecognitionEvent(state, e);
            if (r.duplicate) {
              expect(r.state).toBe(before);
              return;
            }
            state = r.state;
          } catch (err) {
            expect(EXPECTED_REFUSALS).toContain((err as { code: string }).code);
            expect(state).toBe(before);
            return;
          }
          if (e.type === 'RecognitionFailed') reached.add(`failed at ${before.sagas[e.requestId]?.status}`);
          registries.apply(state, e);
          log.push(e);
        };
        for (const a of actions) {
          if (a.kind === 'request') {
            const request: RecognitionRequest = {
              requestId: `r${String(n++).padStart(3, '0')}`,
              holderId: 'h',
              origin: a.origin,
              destination: a.origin === 'SC' ? 'CQ' : 'SC',
              kind: a.origin === 'SC' ? 'TANHUI_TIANFU' : 'CQCER',
              vintage: a.vintage,
              projectType: 'rooftop-solar',
              range: { start: a.start, end: Math.min(ISSUED, a.start + a.len - 1) },
              use: a.use,
              year: 2026,
              requestedAtMs: 0,
            };
            for (const e of requestRecognition(agreement, state, request)) record(e);
          } else if (a.kind === 'step') {
            const e = eventFor(state, a.pick, a.type);
            if (e) record(e);
          } else if (a.kind === 'advance' || a.kind === 'fail') {
            // what a well-behaved orchestrator does next for an open saga, or a rejection / timeout hitting it
            const open = openSagas(state)
              .map((x) => x.requestId)
              .sort();
            const saga = open.length > 0 ? state.sagas[open[a.pick % open.length] as string] : undefined;
            const type = a.kind === 'fail' ? 'RecognitionFailed' : saga && nextSagaStep(saga);
            const e =
              saga && type && eventFor(state, Object.keys(state.sagas).sort().indexOf(saga.requestId), type);
            if (e) record(e);
          } else if (log.length > 0) {
            record(log[a.pick % log.length] as RecognitionEvent);
          }
          const claims = serialClaims(state);
          const clashes = claims.filter((c, i) =>
            claims.some((d, j) => i < j && c.origin === d.origin && overlaps(c.range, d.range)),
          );
          expect([
            ...registries.violations(),
            ...clashes.map((c) => `${c.requestId} overlaps a live claim`),
          ]).toEqual([]);
        }
        expect(replayRecognition(log)).toEqual(state);
        for (const s of Object.values(state.sagas)) reached.add(s.status);
      }),
      { numRuns: 100, seed: 16 },
    );
    // the random walks did reach every end of the saga, so the invariants were tested on them
    expect([...reached].sort()).toEqual([
      'compensated',
      'compensating',
      'completed',
      'destination-issued',
      'failed at destination-issued',
      'failed at origin-locked',
      'failed at requested',
      'origin-cancelled',
      'origin-locked',
      'rejected',
      'requested',
    ]);
  });
});
