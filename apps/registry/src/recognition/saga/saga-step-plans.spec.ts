import { pieceAt } from '@app/ledger';
import {
  CHENGYU_RECOGNITION_2026_1,
  requestRecognition,
  evolveRecognition,
  initialRecognitionState,
  type SagaState,
} from '@app/recognition';
import { InMemoryRegistry } from '../../shared/in-memory-registry';
import { given } from '../../shared/registry-fixture';
import {
  cancelAtOrigin,
  issueAtDestination,
  lockOrigin,
  releaseAtDestination,
  revokeAtDestination,
  unlockOrigin,
  type StepCommand,
} from './saga-step-plans';

/** A 碳惠天府 saga for serials 1..10 of `holder` in SC, to CQ, in the state after `events`. */
function saga(extra: Partial<SagaState> = {}): SagaState {
  const events = requestRecognition(CHENGYU_RECOGNITION_2026_1, initialRecognitionState, {
    requestId: 'r1',
    holderId: 'holder',
    origin: 'SC',
    destination: 'CQ',
    kind: 'TANHUI_TIANFU',
    vintage: 2025,
    projectType: 'rooftop-solar',
    projectId: 'p1',
    range: { start: 1, end: 10 },
    use: 'compliance-offset',
    year: 2026,
    requestedAtMs: 0,
  });
  return { ...events.reduce(evolveRecognition, initialRecognitionState).sagas.r1!, ...extra };
}

async function setup() {
  const registry = new InMemoryRegistry();
  await given(registry, 'SC', { accounts: ['holder'] });
  await given(registry, 'CQ', { accounts: ['holder', 'cq-filler'] });
  await registry.execute({ jurisdiction: 'SC', commandId: 'issue', actor: 'given' }, () => [
    {
      type: 'IssueUnits',
      commandId: 'issue',
      accountId: 'holder',
      jurisdiction: 'SC',
      kind: 'TANHUI_TIANFU',
      vintage: 2025,
      projectId: 'p1',
      quantity: 10,
    },
  ]);
  // CQ already issued 5 units, so the recognised block starts at 6.
  await registry.execute({ jurisdiction: 'CQ', commandId: 'issue-cq', actor: 'given' }, () => [
    {
      type: 'IssueUnits',
      commandId: 'issue-cq',
      accountId: 'cq-filler',
      jurisdiction: 'CQ',
      kind: 'CQCER',
      vintage: 2025,
      projectId: 'c1',
      quantity: 5,
    },
  ]);
  const run = async (step: StepCommand) =>
    registry.execute(
      { jurisdiction: step.jurisdiction, commandId: step.commandId, actor: 'saga', memo: step.memo },
      ({ ledger }) => step.plan(ledger),
    );
  const at = async (j: 'SC' | 'CQ', serial: number) => pieceAt((await registry.load(j)).ledger, serial);
  return { registry, run, at };
}

describe('recognition saga steps as registry commands', () => {
  it('forward: lock at origin, issue locked at destination, cancel at origin, release at destination', async () => {
    const { run, at } = await setup();
    await run(lockOrigin(saga()));
    expect(await at('SC', 1)).toMatchObject({ accountId: 'holder', lockId: 'recognition:r1' });

    const issued = await run(issueAtDestination(saga(), 'SC-…-1..10'));
    expect(issued.events.map((e) => e.type)).toEqual(['UnitsIssued', 'UnitsLocked']);
    expect(issued.events[0]).toMatchObject({
      block: { jurisdiction: 'CQ', kind: 'TANHUI_TIANFU', vintage: 2025, projectId: 'p1', start: 6, end: 15 },
    });
    expect(await at('CQ', 6)).toMatchObject({ accountId: 'holder', lockId: 'recognition:r1' });

    const issuedState = saga({ status: 'destination-issued', destinationRange: { start: 6, end: 15 } });
    const cancelled = await run(cancelAtOrigin(issuedState, 'CQ-…-6..15'));
    expect(cancelled.events.map((e) => e.type)).toEqual(['UnitsUnlocked', 'UnitsCancelled']);
    expect(cancelled.events[1]).toMatchObject({
      reason: 'transferred for recognition in CQ as CQ-…-6..15 (request r1)',
    });
    expect(await at('SC', 10)).toMatchObject({ accountId: 'SC-CANCELLATION' });

    await run(releaseAtDestination(issuedState));
    expect((await at('CQ', 15))?.lockId).toBeUndefined();
  });

  it('every step is idempotent: run twice, it changes nothing the second time', async () => {
    const { run } = await setup();
    const issuedState = saga({ status: 'destination-issued', destinationRange: { start: 6, end: 15 } });
    for (const step of [
      lockOrigin(saga()),
      issueAtDestination(saga(), 'x'),
      cancelAtOrigin(issuedState, 'y'),
      releaseAtDestination(issuedState),
    ]) {
      expect((await run(step)).replayed).toBe(false);
      expect((await run(step)).replayed).toBe(true);
    }
  });

  it('compensation: revoke cancels the still-locked recognised units, then the origin is unlocked', async () => {
    const { run, at } = await setup();
    await run(lockOrigin(saga()));
    await run(issueAtDestination(saga(), 'x'));
    const failing = saga({
      status: 'compensating',
      destinationRange: { start: 6, end: 15 },
      failure: 'TIMED_OUT',
    });
    const revoked = await run(revokeAtDestination(failing));
    expect(revoked.events.map((e) => e.type)).toEqual(['UnitsUnlocked', 'UnitsCancelled']);
    expect(await at('CQ', 6)).toMatchObject({ accountId: 'CQ-CANCELLATION' });
    await run(unlockOrigin(failing));
    expect(await at('SC', 1)).toEqual(expect.objectContaining({ accountId: 'holder' }));
    expect((await at('SC', 1))?.lockId).toBeUndefined();
  });

  it('the origin refuses to lock units that are not the holder’s', async () => {
    const { run } = await setup();
    await expect(
      run(lockOrigin(saga({ request: { ...saga().request, holderId: 'cq-filler' } }))),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^LEDGER\./),
    });
  });
});
