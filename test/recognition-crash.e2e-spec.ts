import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventStore } from '@app/event-store';
import { allPieces, journalEvents, supplyTotals, type LedgerState } from '@app/ledger';
import { createTestDatabase, TestDatabase, testRedisUrl } from '@app/platform/testing';
import {
  CHENGYU_RECOGNITION_2026_1,
  replayRecognition,
  type RecognitionEvent,
  type RecognitionState,
} from '@app/recognition';
import { RECOGNITION_SAGAS_STREAM } from '../apps/registry/src/recognition/recognition-store';
import type { RecognitionRequestView } from '../apps/registry/src/recognition/request/recognition-request.view';
import { registryStreamId } from '../apps/registry/src/shared/registry-jurisdiction';
import { EMPTY_REGISTRY, foldStored } from '../apps/registry/src/shared/registry-state';
import { eventually, freePort, getJson, postJson } from './support/http';
import { adoptMarketModeInStore } from './support/market-mode';
import { adoptChengyuAgreement, expectPost, issueCredits, openAccount, settled } from './support/recognition';

const FORWARD = [
  'OriginRangeLocked',
  'RecognisedUnitsIssued',
  'OriginRangeCancelled',
  'RecognitionCompleted',
];
const COMPENSATION = ['RecognitionFailed', 'OriginRangeUnlocked', 'RecognitionCompensated'];
/** Each step: killed inside its transaction (rolled back), then right after its commit (before the ack). */
const crashPoints = (steps: string[]) => steps.flatMap((s) => [`before-commit:${s}`, `after-commit:${s}`]);

/**
 * Fault injection with real processes on PostgreSQL and Redis (BullMQ), `npm run build:server` first. The
 * registry worker is SIGKILLed at every point of a recognition saga — inside each step's transaction and
 * right after its commit — and a new process (the next crash point, then a clean one) takes over. Nothing
 * is lost or done twice: one registry command per step, every origin serial in exactly one place, the
 * destination issued exactly the recognised units, and folding the whole event log gives what the API shows.
 */
describe('recognition saga: the worker killed between every pair of steps', () => {
  let db: TestDatabase;
  let store: EventStore;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  /** A registry process; with a crash point it is expected to die of SIGKILL there. */
  async function startRegistry(
    crashPoint?: string,
  ): Promise<{ url: string; child: ChildProcess; exit: Promise<string | null> }> {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/apps/registry/src/main.js'], {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        ...(crashPoint ? { RECOGNITION_CRASH_POINT: crashPoint } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const exit = new Promise<string | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    return { url: `http://127.0.0.1:${port}`, child, exit };
  }

  const healthy = (url: string) =>
    eventually(async () => ((await fetch(`${url}/health`)).ok ? true : undefined), 30_000, 'registry health');

  const stop = async (p: { child: ChildProcess; exit: Promise<string | null> }) => {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await p.exit;
  };

  /** Both regulators adopt the preset's rules again as `version` with another saga timeout (same date: the later wins). */
  async function adoptVersion(url: string, version: string, sagaTimeoutMinutes: number) {
    const document = { ...CHENGYU_RECOGNITION_2026_1, version, sagaTimeoutMinutes };
    await expectPost(
      `${url}/recognition/agreements`,
      { commandId: `propose-${version}`, actor: 'SC-DEE', regulator: 'SC-DEE', document },
      201,
    );
    for (const [regulator, jurisdiction] of [
      ['SC-DEE', 'SC'],
      ['CQ-EEB', 'CQ'],
    ] as const)
      await expectPost(
        `${url}/recognition/agreements/${version}/approvals`,
        {
          commandId: `approve-${version}-${jurisdiction}`,
          actor: regulator,
          regulator,
          jurisdiction,
          effectiveFrom: '2026-04-01',
        },
        201,
      );
  }

  async function sagas(): Promise<RecognitionState> {
    const events = await store.readStream(RECOGNITION_SAGAS_STREAM);
    return replayRecognition(events.map((e) => e.data as RecognitionEvent));
  }

  const stepsOf = async (id: string) => Object.keys((await sagas()).sagas[id]?.applied ?? {});

  async function ledger(j: 'CQ' | 'SC'): Promise<LedgerState> {
    return foldStored(EMPTY_REGISTRY, await store.readStream(registryStreamId(j))).ledger;
  }

  /** Runs one process per crash point, each killed at its point; checks the saga stopped exactly there. */
  async function crashThrough(
    points: string[],
    requestId: string,
    firstAction?: (url: string) => Promise<void>,
  ) {
    for (const [i, point] of points.entries()) {
      const p = await startRegistry(point);
      if (i === 0 && firstAction) {
        await healthy(p.url);
        await firstAction(p.url);
      }
      let timer: NodeJS.Timeout | undefined;
      const signal = await Promise.race([
        p.exit,
        new Promise<string>((r) => (timer = setTimeout(() => r('still running'), 60_000))),
      ]);
      clearTimeout(timer);
      if (signal !== 'SIGKILL') await stop(p);
      expect(`${point}: ${signal}`).toBe(`${point}: SIGKILL`);
      const [moment, step] = point.split(':') as [string, string];
      const steps = await stepsOf(requestId);
      // Killed inside the transaction: the step is not recorded (rolled back). After the commit: it is the last.
      if (moment === 'before-commit') expect(steps).not.toContain(step);
      else expect(steps.at(-1)).toBe(step);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `recognition-${randomBytes(4).toString('hex')}`,
    };
    store = new EventStore(db.dataSource, { listen: false });
  });

  afterAll(async () => {
    await Promise.all(
      children
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map((c) => new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM')))),
    );
    await store?.close();
    await db?.drop();
  });

  it('completes a recognition and two compensations (refusal, timeout) through 21 kills, nothing lost or doubled', async () => {
    const setup = await startRegistry();
    await healthy(setup.url);
    await adoptChengyuAgreement(setup.url);
    await adoptMarketModeInStore(store);
    const first = await issueCredits(setup.url, 'SC', 'cq-steel', {
      commandId: 'issue-thtf',
      kind: 'TANHUI_TIANFU',
      vintage: 2025,
      projectId: 'sc-coop',
      quantity: 46,
    });
    await openAccount(setup.url, 'CQ', 'cq-steel');
    const sink = await issueCredits(setup.url, 'SC', 'sc-farm', {
      commandId: 'issue-sink',
      kind: 'FORESTRY_SINK',
      vintage: 2024,
      projectId: 'sc-forest',
      quantity: 20,
    });
    const late = await issueCredits(setup.url, 'SC', 'cq-steel', {
      commandId: 'issue-thtf-late',
      kind: 'TANHUI_TIANFU',
      vintage: 2026,
      projectId: 'sc-coop',
      quantity: 5,
    });
    await stop(setup);

    // The request commits before its first step can run; that step's crash point may kill the process
    // before the 202 reaches the client (the connection drops). Then the request must be on record.
    const ask = async (url: string, body: Record<string, unknown>) => {
      const answer = await postJson(`${url}/recognition/requests`, {
        actor: 'holder',
        origin: 'SC',
        destination: 'CQ',
        ...body,
      }).catch((error: Error) => error);
      if (answer instanceof Error) expect((await sagas()).sagas[body.requestId as string]).toBeDefined();
      else expect(answer.status).toBe(202);
    };
    await crashThrough(crashPoints(FORWARD), 'r-crash', (url) =>
      ask(url, {
        requestId: 'r-crash',
        holderId: 'cq-steel',
        serialStart: first,
        serialEnd: first + 45,
        projectType: 'rooftop-solar',
        use: 'compliance-offset',
      }),
    );
    // sc-farm has no Chongqing account: the destination refuses, and the saga compensates through the kills.
    await crashThrough(crashPoints(COMPENSATION), 'r-refused', (url) =>
      ask(url, {
        requestId: 'r-refused',
        holderId: 'sc-farm',
        serialStart: sink,
        serialEnd: sink + 9,
        projectType: 'afforestation',
        use: 'voluntary-retirement',
      }),
    );

    // A 1-minute agreement: the saga dies after the destination issued, its deadline passes with no worker
    // running, and the next processes time it out and compensate (revoke, then unlock) through the kills.
    await crashThrough(['after-commit:RecognisedUnitsIssued'], 'r-timeout', async (url) => {
      await adoptVersion(url, '2026.2', 1);
      await ask(url, {
        requestId: 'r-timeout',
        holderId: 'cq-steel',
        serialStart: late,
        serialEnd: late + 4,
        projectType: 'rooftop-solar',
        use: 'compliance-offset',
      });
    });
    await new Promise((r) => setTimeout(r, 61_000));
    await crashThrough(
      crashPoints(['RecognitionFailed', 'RecognisedUnitsRevoked', 'OriginRangeUnlocked']),
      'r-timeout',
    );

    const clean = await startRegistry();
    await healthy(clean.url);
    const done = await settled(clean.url, 'r-crash');
    const refused = await settled(clean.url, 'r-refused');
    expect(done).toMatchObject({ status: 'completed', originSerials: { accountId: 'SC-CANCELLATION' } });
    expect(refused).toMatchObject({
      status: 'compensated',
      failure: 'REJECTED_BY_DESTINATION',
      originSerials: { accountId: 'sc-farm' },
    });
    expect(refused.originSerials!.lockId).toBeUndefined();
    const timedOut = await settled(clean.url, 'r-timeout');
    expect(timedOut).toMatchObject({
      status: 'compensated',
      failure: 'TIMED_OUT',
      originSerials: { accountId: 'cq-steel' },
      destinationSerials: { accountId: 'CQ-CANCELLATION' },
    });
    expect(timedOut.originSerials!.lockId).toBeUndefined();
    expect(await stepsOf('r-timeout')).toEqual([
      'RecognitionRequested',
      'OriginRangeLocked',
      'RecognisedUnitsIssued',
      'RecognitionFailed',
      'RecognisedUnitsRevoked',
      'OriginRangeUnlocked',
      'RecognitionCompensated',
    ]);
    expect(await stepsOf('r-crash')).toEqual(['RecognitionRequested', ...FORWARD]);
    expect(await stepsOf('r-refused')).toEqual([
      'RecognitionRequested',
      'OriginRangeLocked',
      ...COMPENSATION,
    ]);

    const [sc, cq] = [await ledger('SC'), await ledger('CQ')];
    // One registry event per saga command: no step was applied twice.
    for (const l of [sc, cq]) {
      const ids = journalEvents(l)
        .map((e) => e.commandId)
        .filter((id) => id.startsWith('recognition:'));
      expect(new Set(ids).size).toBe(ids.length);
    }
    // The destination issued the 46 recognised units once, the 5 later revoked once, nothing for the refused request.
    const issuedInCq = journalEvents(cq).filter((e) => e.type === 'UnitsIssued');
    expect(issuedInCq.map((e) => e.type === 'UnitsIssued' && e.block.end - e.block.start + 1)).toEqual([
      46, 5,
    ]);
    // A serial is usable in at most one registry, and the usable units equal the units ever issued at origin.
    const usable = (l: LedgerState, kind: string) =>
      allPieces(l)
        .filter((p) => l.blocks[p.blockId]!.kind === kind && !p.lockId)
        .filter((p) => ['ENTERPRISE_HOLDING', 'GOVERNMENT'].includes(l.accounts[p.accountId]!.accountType))
        .reduce((n, p) => n + p.end - p.start + 1, 0);
    expect({ sc: usable(sc, 'TANHUI_TIANFU'), cq: usable(cq, 'TANHUI_TIANFU') }).toEqual({ sc: 5, cq: 46 });
    expect({ sc: usable(sc, 'FORESTRY_SINK'), cq: usable(cq, 'FORESTRY_SINK') }).toEqual({ sc: 20, cq: 0 });

    // Replaying the whole log gives what the (fresh) service shows.
    const replayed = await sagas();
    const listed = await getJson<RecognitionRequestView[]>(`${clean.url}/recognition/requests?status=all`);
    expect(listed.map((v) => [v.requestId, v.status, v.destinationSerials?.start ?? null])).toEqual(
      Object.values(replayed.sagas).map((s) => [s.requestId, s.status, s.destinationRange?.start ?? null]),
    );
    for (const [j, l] of [
      ['SC', sc],
      ['CQ', cq],
    ] as const) {
      const api = await getJson<{
        rows: { kind: string; vintage: number; issued: number; held: number; cancelled: number }[];
      }>(`${clean.url}/registries/${j}/supply`);
      const folded = [...supplyTotals(l).entries()].map(([key, t]) => ({
        key,
        issued: t.issued,
        held: t.held,
        cancelled: t.cancelled,
      }));
      expect(
        api.rows
          .map((r) => ({
            key: `${j}|${r.kind}|${r.vintage}`,
            issued: r.issued,
            held: r.held,
            cancelled: r.cancelled,
          }))
          .sort(byKey),
      ).toEqual(folded.sort(byKey));
    }
    await stop(clean);
  }, 600_000);
});

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
