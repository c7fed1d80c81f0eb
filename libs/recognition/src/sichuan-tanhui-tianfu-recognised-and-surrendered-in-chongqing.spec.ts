import {
  agreementInForce,
  decideRecognitionRules,
  evolveRecognitionRules,
  initialRecognitionRulesState,
} from './agreement-approval';
import type { RecognitionRulesCommand, RecognitionRulesEvent } from './agreement-approval';
import { creditsFromActivity, methodologyById } from './carbon-inclusion/credits-from-activity';
import { requestRecognition } from './check-request';
import { netFlowAccount } from './net-flow-account';
import { recognisedOffsetRoom } from './offset-limits';
import { CHENGYU_RECOGNITION_2026_1, OFFSET_LIMITS } from './presets';
import { evolveRecognition, initialRecognitionState, type RecognitionState } from './recognition-state';
import { nextSagaStep } from './saga';
import type { RecognitionEvent, RecognitionRequest } from './saga-events';

// The whole story in pure steps: the services only load, call this code and append the events.
describe('a Sichuan 碳惠天府 credit recognised and surrendered in Chongqing, and a Chongqing CQCER retired in Sichuan', () => {
  // 1. Both regulators adopt the recognition rules from 1 April 2026.
  const rulesLog = (
    [
      {
        type: 'ProposeRecognitionRules',
        version: '2026.1',
        document: CHENGYU_RECOGNITION_2026_1,
        regulator: 'SC-DEE',
      },
      {
        type: 'ApproveRecognitionRules',
        jurisdiction: 'SC',
        version: '2026.1',
        regulator: 'SC-DEE',
        effectiveFrom: '2026-04-01',
      },
      {
        type: 'ApproveRecognitionRules',
        jurisdiction: 'CQ',
        version: '2026.1',
        regulator: 'CQ-EEB',
        effectiveFrom: '2026-04-01',
      },
    ] as RecognitionRulesCommand[]
  ).reduce(
    (acc, c) => {
      const events = decideRecognitionRules(c, acc.state);
      return { state: events.reduce(evolveRecognitionRules, acc.state), log: [...acc.log, ...events] };
    },
    { state: initialRecognitionRulesState, log: [] as RecognitionRulesEvent[] },
  ).log;
  const agreement = agreementInForce(rulesLog, '2026-05-10')!;

  // 2. A Sichuan household co-op's rooftop solar, 300,000 kWh in 2025: 300,000 × 0.1564 kg = 46.92 t → 46 credits.
  const solar = creditsFromActivity(methodologyById('SC-SOLAR-ROOFTOP'), {
    recordId: 'sc-coop-2025',
    methodologyId: 'SC-SOLAR-ROOFTOP',
    province: 'SC',
    quantity: 300_000,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    asOf: '2026-01-10',
  });
  // …issued by the Sichuan registry as 碳惠天府 serials 1–46 (the ledger's job).

  // 3. A Chongqing forestry group's 2,000 trees through 2025: 2,000 × 18 kg = 36 t → 36 CQCER, serials 501–536.
  const trees = creditsFromActivity(methodologyById('CQ-TREES'), {
    recordId: 'cq-trees-2025',
    methodologyId: 'CQ-TREES',
    province: 'CQ',
    quantity: 2_000,
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    asOf: '2026-01-10',
  });

  const request = (over: Partial<RecognitionRequest>): RecognitionRequest => ({
    requestId: 'r-1',
    holderId: 'cq-steel-01',
    origin: 'SC',
    destination: 'CQ',
    kind: 'TANHUI_TIANFU',
    vintage: 2025,
    projectType: 'rooftop-solar',
    projectId: 'sc-coop',
    range: { start: 1, end: solar.credits },
    use: 'compliance-offset',
    year: 2026,
    requestedAtMs: 0,
    ...over,
  });

  // 4. Each request runs its saga to the end, one step at a time.
  function runSaga(state: RecognitionState, req: RecognitionRequest, destinationStart: number) {
    const log: RecognitionEvent[] = requestRecognition(agreement, state, req);
    let s = log.reduce(evolveRecognition, state);
    for (
      let type = nextSagaStep(s.sagas[req.requestId]!);
      type;
      type = nextSagaStep(s.sagas[req.requestId]!)
    ) {
      const saga = s.sagas[req.requestId]!;
      const e: RecognitionEvent =
        type === 'OriginRangeLocked'
          ? { type, requestId: req.requestId, lockId: `lock-${req.requestId}` }
          : type === 'RecognisedUnitsIssued'
            ? {
                type,
                requestId: req.requestId,
                destinationRange: {
                  start: destinationStart,
                  end: destinationStart + saga.destinationQuantity - 1,
                },
              }
            : ({ type, requestId: req.requestId } as RecognitionEvent);
      s = evolveRecognition(s, e);
      log.push(e);
    }
    return { state: s, log };
  }
  const first = runSaga(initialRecognitionState, request({}), 90_001);
  const second = runSaga(
    first.state,
    request({
      requestId: 'r-2',
      holderId: 'sc-brewery',
      origin: 'CQ',
      destination: 'SC',
      kind: 'CQCER',
      projectType: 'afforestation',
      projectId: 'cq-trees',
      range: { start: 501, end: 500 + trees.credits },
      use: 'voluntary-retirement',
    }),
    7_001,
  );

  it('the rules are in force only once both keys turned', () => {
    expect(agreementInForce(rulesLog, '2026-03-31')).toBeUndefined();
    expect(agreement.version).toBe('2026.1');
  });

  it('activity became whole credits, the remainders carried', () => {
    expect([solar.credits, solar.carry.num, trees.credits, trees.carry.num]).toEqual([46, 9_200_000, 36, 0]);
  });

  it('the 碳惠天府 saga ran locked → issued → cancelled → completed, with provenance both ways', () => {
    expect(first.log.map((e) => e.type)).toEqual([
      'RecognitionRequested',
      'OriginRangeLocked',
      'RecognisedUnitsIssued',
      'OriginRangeCancelled',
      'RecognitionCompleted',
    ]);
    const saga = first.state.sagas['r-1']!;
    expect(saga).toMatchObject({
      status: 'completed',
      ruleId: 'SC-CQ-INCLUSION',
      agreementVersion: '2026.1',
      request: { origin: 'SC', range: { start: 1, end: 46 }, projectId: 'sc-coop', vintage: 2025 },
      destinationRange: { start: 90_001, end: 90_046 },
    });
  });

  it('the Chongqing steel mill may surrender all 46 as offsets: room min(800 − 300, 300, 225) = 225', () => {
    const room = recognisedOffsetRoom(OFFSET_LIMITS.CQ, {
      verifiedEmissions: 10_000,
      unitsDue: 10_000,
      allocation: 9_000,
      localOffsetsUsed: 300,
      recognisedOffsetsUsed: 0,
    });
    expect(room.room).toBe(225);
    expect(room.room).toBeGreaterThanOrEqual(46);
  });

  it('the 2026 net-flow account: Sichuan exported 46, imported 36 → SC +10, CQ −10', () => {
    const uses = [second.state.sagas['r-1']!, second.state.sagas['r-2']!].map((s) => ({
      origin: s.request.origin,
      usedIn: s.request.destination,
      year: 2026,
      quantity: s.originQuantity,
    }));
    const account = netFlowAccount(uses, 2026);
    expect(account.SC).toEqual({ exported: 46, imported: 36, net: 10 });
    expect(account.CQ.net).toBe(-10);
  });

  it('the same 碳惠天府 serials cannot be recognised again', () => {
    expect(requestRecognition(agreement, second.state, request({ requestId: 'r-3' }))).toMatchObject([
      { type: 'RecognitionRequestRejected', reasons: ['RECOGNITION.SERIALS_RECOGNISED'] },
    ]);
  });
});
