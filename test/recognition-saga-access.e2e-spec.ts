import type { Principal } from '@app/domain';
import { EventStore } from '@app/event-store';
import { MESSAGE_TRANSPORT, type MessageTransport } from '@app/messaging';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import type { RecognitionRequested } from '@app/recognition';
import { registryService } from '../apps/registry/src/registry.app';
import { RECOGNITION_CLOCK, type Clock } from '../apps/registry/src/recognition/recognition-clock';
import { RecognitionStore } from '../apps/registry/src/recognition/recognition-store';
import { stepMessage } from '../apps/registry/src/recognition/saga/recognition-steps';
import { bearerFor, testEnterprise } from './support/auth';
import { getJson } from './support/http';
import { adoptMarketModeInStore } from './support/market-mode';
import { adoptChengyuAgreement, issueCredits, openAccount, settled } from './support/recognition';

type Json = Record<string, unknown>;
const MAY_10 = Date.parse('2026-05-10T02:00:00Z');
const HOLDER = 'sc-holder';
const holder = testEnterprise(HOLDER, 'SC');
const mallory: Principal = testEnterprise('cq-mallory', 'CQ');

/**
 * The recognition saga records who asked in its first event (`requestedBy`), and the step acting
 * in the holder's name (the origin lock) is checked against it again, whatever message triggers
 * it: a saga asked for by someone who does not hold the units fails at the lock
 * (REJECTED_BY_ORIGIN, ACCESS.FORBIDDEN) and compensates, the holder's units untouched.
 */
describe('recognition saga steps re-check the requesting principal (embedded)', () => {
  let service: RunningService;
  let url: string;

  const postAs = async (principal: Principal, path: string, body: Json) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...bearerFor(principal, service), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const ask = (requestId: string, serialStart: number) => ({
    requestId,
    holderId: HOLDER,
    origin: 'SC',
    destination: 'CQ',
    serialStart,
    serialEnd: serialStart + 9,
    projectType: 'rooftop-solar',
    use: 'compliance-offset',
  });

  beforeAll(async () => {
    service = await startService(
      registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent', REGISTRY_SWEEP_INTERVAL_MS: '0' })),
    );
    url = service.url;
    service.app.get<Clock>(RECOGNITION_CLOCK, { strict: false }).now = () => MAY_10;
    await adoptChengyuAgreement(url);
    await adoptMarketModeInStore(
      service.app.get(EventStore, { strict: false }),
      'recognition-only',
      '2026-04-01',
    );
  });
  afterAll(() => service?.close());

  it("refuses another enterprise's request at the handler, and records the holder's own principal in the first event", async () => {
    const first = await issueCredits(url, 'SC', HOLDER, {
      commandId: 'issue-holder',
      kind: 'TANHUI_TIANFU',
      vintage: 2025,
      projectId: 'sc-coop',
      quantity: 20,
    });
    await openAccount(url, 'CQ', HOLDER);

    const refused = await postAs(mallory, '/recognition/requests', ask('r-mallory', first));
    expect(refused.status).toBe(403);

    expect((await postAs(holder, '/recognition/requests', ask('r-holder', first))).status).toBe(202);
    expect((await settled(url, 'r-holder')).status).toBe('completed');
    const store = service.app.get(EventStore, { strict: false });
    const requested = (await store.readStream('recognition-sagas')).find(
      (e) => e.type === 'RecognitionRequested' && (e.data as { requestId: string }).requestId === 'r-holder',
    );
    expect((requested!.data as RecognitionRequested).requestedBy).toEqual(holder);

    // A saga recorded in mallory's name for the holder's other units (bypassing the request
    // handler), its first step then put straight on the saga queue.
    const forged: RecognitionRequested = {
      ...(requested!.data as RecognitionRequested),
      requestId: 'r-forged',
      request: {
        ...(requested!.data as RecognitionRequested).request,
        requestId: 'r-forged',
        range: { start: first + 10, end: first + 19 },
      },
      requestedBy: mallory,
    };
    const sagas = service.app.get(RecognitionStore, { strict: false });
    await sagas.transaction((manager) =>
      sagas.recordSagaEvents(manager, [forged], { commandId: 'forged', actor: 'forger', at: MAY_10 }),
    );
    const step = stepMessage('r-forged', 'OriginRangeLocked');
    await service.app
      .get<MessageTransport>(MESSAGE_TRANSPORT, { strict: false })
      .publish(step.queue, { id: step.messageId, name: step.name, payload: step.payload });

    const failed = await settled(url, 'r-forged');
    expect(failed).toMatchObject({ status: 'compensated', failure: 'REJECTED_BY_ORIGIN' });
    expect(failed.failureDetail).toBe(`ACCESS.FORBIDDEN: registry.hold: ${HOLDER} is not yours`);
    expect(failed.steps.map((s) => s.step)).toEqual([
      'RecognitionRequested',
      'RecognitionFailed',
      'RecognitionCompensated',
    ]);
    // The holder's remaining ten units: still its own, never locked.
    expect(await getJson<Json>(`${url}/registries/SC/accounts/${HOLDER}`)).toMatchObject({
      total: 10,
      holdings: [{ quantity: 10, locked: 0 }],
    });
  });
});
