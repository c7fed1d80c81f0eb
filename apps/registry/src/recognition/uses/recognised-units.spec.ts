import { CHONGQING_COMPLIANCE } from '@app/compliance';
import {
  CHENGYU_RECOGNITION_2026_1,
  evolveRecognition,
  initialRecognitionState,
  requestRecognition,
  type RecognitionEvent,
  type RecognitionRequest,
  type RecognitionState,
} from '@app/recognition';
import { InMemoryRegistry } from '../../shared/in-memory-registry';
import { given } from '../../shared/registry-fixture';
import { VOLUNTARY_ONLY, recognisedOffsets } from './recognised-offsets';
import { crossUses, recognitionCovering } from './recognised-units';

const request = (over: Partial<RecognitionRequest>): RecognitionRequest => ({
  requestId: 'r1',
  holderId: 'holder',
  origin: 'SC',
  destination: 'CQ',
  kind: 'TANHUI_TIANFU',
  vintage: 2025,
  projectType: 'rooftop-solar',
  range: { start: 1, end: 10 },
  use: 'compliance-offset',
  year: 2026,
  requestedAtMs: 0,
  ...over,
});

/** A saga run to completion, its recognised units at `destination` serials start..start+n−1. */
function completed(state: RecognitionState, req: RecognitionRequest, start: number): RecognitionState {
  const n = req.range.end - req.range.start + 1;
  const events: RecognitionEvent[] = [
    ...requestRecognition(CHENGYU_RECOGNITION_2026_1, state, req),
    { type: 'OriginRangeLocked', requestId: req.requestId, lockId: `recognition:${req.requestId}` },
    {
      type: 'RecognisedUnitsIssued',
      requestId: req.requestId,
      destinationRange: { start, end: start + n - 1 },
    },
    { type: 'OriginRangeCancelled', requestId: req.requestId },
    { type: 'RecognitionCompleted', requestId: req.requestId },
  ];
  return events.reduce(evolveRecognition, state);
}

async function cqLedger() {
  const registry = new InMemoryRegistry();
  await given(registry, 'CQ', { accounts: ['holder'] });
  const run = (commandId: string, command: object) =>
    registry.execute({ jurisdiction: 'CQ', commandId, actor: 't' }, () => [
      { commandId, ...command } as never,
    ]);
  // Recognised units: 1..10 (compliance) and 11..14 (voluntary only).
  await run('i1', {
    type: 'IssueUnits',
    accountId: 'holder',
    jurisdiction: 'CQ',
    kind: 'TANHUI_TIANFU',
    vintage: 2025,
    projectId: 'p1',
    quantity: 10,
  });
  await run('i2', {
    type: 'IssueUnits',
    accountId: 'holder',
    jurisdiction: 'CQ',
    kind: 'FORESTRY_SINK',
    vintage: 2025,
    projectId: 'p2',
    quantity: 4,
  });
  await run('s1', {
    type: 'SurrenderUnits',
    from: 'holder',
    to: 'CQ-SURRENDER',
    selection: { by: 'serials', start: 1, end: 6 },
    complianceYear: 2027,
  });
  await run('r1', {
    type: 'RetireUnits',
    from: 'holder',
    to: 'CQ-RETIREMENT',
    selection: { by: 'serials', start: 11, end: 14 },
    beneficiary: 'b',
  });
  return (await registry.load('CQ')).ledger;
}

describe('recognised units in the destination', () => {
  const state = completed(
    completed(initialRecognitionState, request({}), 1),
    request({
      requestId: 'r2',
      kind: 'FORESTRY_SINK',
      range: { start: 20, end: 23 },
      use: 'voluntary-retirement',
      year: 2026,
    }),
    11,
  );

  it('net-flow uses: a surrender in its compliance year, a retirement in its request year, in origin units', async () => {
    const ledger = await cqLedger();
    expect(crossUses(state, { CQ: ledger })).toEqual([
      { origin: 'SC', usedIn: 'CQ', year: 2027, quantity: 6 },
      { origin: 'SC', usedIn: 'CQ', year: 2026, quantity: 4 },
    ]);
  });

  it('finds the completed request covering a destination range, and refuses a range it does not cover', () => {
    expect(recognitionCovering(state, 'CQ', { start: 2, end: 9 }).requestId).toBe('r1');
    expect(() => recognitionCovering(state, 'CQ', { start: 9, end: 12 })).toThrow(
      'RECOGNITION.NOT_RECOGNISED',
    );
    expect(() => recognitionCovering(state, 'SC', { start: 2, end: 9 })).toThrow(
      'RECOGNITION.NOT_RECOGNISED',
    );
  });

  it('a compliance run sees recognised blocks as the origin’s credits; voluntary-only ones stay excluded', async () => {
    const ledger = await cqLedger();
    const offsets = recognisedOffsets(state, ledger, 'CQ');
    expect([...offsets.originOf.values()]).toEqual([
      { origin: 'SC', projectType: 'rooftop-solar', projectStartYear: 2025 },
      { origin: 'SC', projectType: VOLUNTARY_ONLY, projectStartYear: 2025 },
    ]);
    const rules = offsets.rules(CHONGQING_COMPLIANCE).offsets;
    expect(rules.eligibleKinds).toContain('TANHUI_TIANFU');
    expect(rules.excludedProjectTypes).toEqual(['hydro', VOLUNTARY_ONLY]);
    expect(rules.localShareMinBp).toBe(5_000);
    expect(recognisedOffsets(initialRecognitionState, ledger, 'CQ').rules(CHONGQING_COMPLIANCE)).toBe(
      CHONGQING_COMPLIANCE,
    );
  });
});
