import { EventStore } from '@app/event-store';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { CHENGYU_RECOGNITION_2026_1 } from '@app/recognition';
import { registryService } from '../apps/registry/src/registry.app';
import { RECOGNITION_CLOCK, type Clock } from '../apps/registry/src/recognition/recognition-clock';
import { RecognitionSagaRunner } from '../apps/registry/src/recognition/saga/recognition-saga-runner';
import type { Principal } from '@app/domain';
import { bearerFor, testEnterprise, testRegulator } from './support/auth';
import { getJson, postJson } from './support/http';
import { adoptMarketModeInStore } from './support/market-mode';
import {
  adoptChengyuAgreement,
  expectPost,
  issueCredits,
  openAccount,
  reaches,
  settled,
} from './support/recognition';

type Json = Record<string, unknown>;
const MAY_10 = Date.parse('2026-05-10T02:00:00Z');

/**
 * Mutual recognition through the API on embedded PGlite (in-process queue): the two-key agreement, a Sichuan
 * 碳惠天府 credit recognised and surrendered in Chongqing, a Chongqing CQCER recognised and retired in Sichuan,
 * refusals with their reasons, compensation when a registry refuses a step, and a timeout (injected clock)
 * that revokes the recognised units and unlocks the origin.
 */
describe('cross-province mutual recognition through the registry API (embedded)', () => {
  let service: RunningService;
  let url: string;
  let clock: Clock;
  const request = (body: Json) => postJson(`${url}/recognition/requests`, { actor: 'holder', ...body });
  const account = (j: string, id: string) => getJson<Json>(`${url}/registries/${j}/accounts/${id}`);

  beforeAll(async () => {
    service = await startService(
      // Sweeps only through the endpoint here: the timeout test sweeps by hand at a given clock reading.
      registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent', REGISTRY_SWEEP_INTERVAL_MS: '0' })),
    );
    url = service.url;
    clock = service.app.get<Clock>(RECOGNITION_CLOCK, { strict: false });
    clock.now = () => MAY_10;
  });
  afterAll(() => service?.close());

  it('adopts the agreement only once both regulators approved the same version and date', async () => {
    const proposed = await expectPost(
      `${url}/recognition/agreements`,
      { commandId: 'bad-doc', actor: 'SC-DEE', regulator: 'SC-DEE', document: { version: 'x' } },
      422,
    );
    expect(proposed).toMatchObject({ code: 'RECOGNITION.INVALID_AGREEMENT', field: 'version' });
    const adopted = await adoptChengyuAgreement(url);
    expect(adopted).toMatchObject({
      version: '2026.1',
      status: 'adopted',
      adoptedFrom: '2026-04-01',
      awaiting: [],
    });
    expect(await getJson<Json[]>(`${url}/recognition/agreements`)).toHaveLength(1);
  });

  it('refuses every request while the markets are separate, until both regulators adopt recognition-only', async () => {
    const first = await issueCredits(url, 'SC', 'early-holder', {
      commandId: 'issue-early',
      kind: 'TANHUI_TIANFU',
      vintage: 2025,
      projectId: 'sc-early',
      quantity: 5,
    });
    await openAccount(url, 'CQ', 'early-holder');
    const store = service.app.get(EventStore, { strict: false });
    const ask = {
      requestId: 'separate-1',
      holderId: 'early-holder',
      origin: 'SC',
      destination: 'CQ',
      serialStart: first,
      serialEnd: first + 4,
      projectType: 'rooftop-solar',
      use: 'compliance-offset',
    };
    const sagasBefore = (await store.readStream('recognition-sagas')).length;
    for (const adoptedBefore of [false, true]) {
      const refused = await request(ask);
      expect(refused).toMatchObject({
        status: 422,
        body: { code: 'RECOGNITION.MARKETS_SEPARATE', field: 'destination' },
      });
      expect(refused.body.message).toContain('on 2026-05-10 the markets are separate');
      // A decision adopted with both keys but from June leaves May separate.
      if (!adoptedBefore) await adoptMarketModeInStore(store, 'recognition-only', '2026-06-01');
    }
    expect((await store.readStream('recognition-sagas')).length).toBe(sagasBefore);
    expect(await account('SC', 'early-holder')).toMatchObject({
      total: 5,
      holdings: [{ quantity: 5, locked: 0 }],
    });

    // Both keys, in force from 1 April: the request is accepted.
    await adoptMarketModeInStore(store, 'recognition-only', '2026-04-01');
    expect((await request(ask)).status).toBe(202);
    expect((await settled(url, 'separate-1')).status).toBe('completed');
  });

  it('refuses recognised units on the plain surrender and retirement routes, naming the recognised ones', async () => {
    const { destinationSerials } = await settled(url, 'separate-1');
    const serials = { serialStart: destinationSerials!.start, serialEnd: destinationSerials!.end };
    const before = await account('CQ', 'early-holder');
    for (const [path, extra, route] of [
      ['surrenders', { complianceYear: 2026 }, 'recognised-surrenders'],
      ['retirements', { beneficiary: 'someone' }, 'recognised-retirements'],
      // A quantity selection that would pick them is caught too (the check reads the moved ranges).
      [
        'retirements',
        { kind: 'TANHUI_TIANFU', vintage: 2025, quantity: 2, beneficiary: 'x' },
        'recognised-retirements',
      ],
    ] as const) {
      const body = {
        commandId: `plain-${path}-${JSON.stringify(extra).length}`,
        actor: 'early-holder',
        from: 'early-holder',
      };
      const answer = await postJson(`${url}/registries/CQ/${path}`, {
        ...body,
        ...('quantity' in extra ? {} : serials),
        ...extra,
      });
      expect(answer).toMatchObject({
        status: 422,
        body: { code: 'RECOGNITION.USE_RECOGNISED_ROUTE', field: 'serialStart' },
      });
      expect(answer.body.message).toContain(`use POST /registries/CQ/${route}`);
      expect(answer.body.message).toContain('request separate-1');
    }
    // Nothing moved (the recognised routes themselves are the other tests'; using these here would count in the net flow).
    expect(await account('CQ', 'early-holder')).toEqual(before);
  });

  it('recognises Sichuan 碳惠天府 in Chongqing with full provenance, then surrenders it there', async () => {
    const first = await issueCredits(url, 'SC', 'cq-steel', {
      commandId: 'issue-thtf',
      kind: 'TANHUI_TIANFU',
      vintage: 2025,
      projectId: 'sc-coop',
      quantity: 46,
    });
    await openAccount(url, 'CQ', 'cq-steel');
    const accepted = await request({
      requestId: 'r-1',
      holderId: 'cq-steel',
      origin: 'SC',
      destination: 'CQ',
      serialStart: first,
      serialEnd: first + 45,
      projectType: 'rooftop-solar',
      use: 'compliance-offset',
    });
    expect(accepted.status).toBe(202);
    const done = await settled(url, 'r-1');
    expect(done).toMatchObject({
      status: 'completed',
      kind: 'TANHUI_TIANFU',
      vintage: 2025,
      projectId: 'sc-coop',
      agreementVersion: '2026.1',
      ruleId: 'SC-CQ-INCLUSION',
      originQuantity: 46,
      destinationQuantity: 46,
      originSerials: {
        registry: 'SC',
        accountId: 'SC-CANCELLATION',
        first: `SC-TANHUI_TIANFU-2025-sc-coop-${String(first).padStart(12, '0')}`,
        quantity: 46,
      },
      destinationSerials: { registry: 'CQ', accountId: 'cq-steel', quantity: 46 },
    });
    expect(done.destinationSerials!.lockId).toBeUndefined();
    expect(done.steps.map((s) => s.step)).toEqual([
      'RecognitionRequested',
      'OriginRangeLocked',
      'RecognisedUnitsIssued',
      'OriginRangeCancelled',
      'RecognitionCompleted',
    ]);
    expect(done.steps.every((s) => s.at === new Date(MAY_10).toISOString())).toBe(true);

    // The origin serial's history ends in its cancellation "transferred for recognition" naming the CQ serials.
    const history = await getJson<{ events: Json[] }>(`${url}/serials/${done.originSerials!.first}`);
    expect(history.events.at(-1)).toMatchObject({ type: 'UnitsCancelled' });
    expect(JSON.stringify(history.events.at(-1))).toContain(
      `transferred for recognition in CQ as ${done.destinationSerials!.first}`,
    );

    // Usable in Chongqing as offsets, within its limits: 8 % of verified emissions, at least half local,
    // recognised at most 2.5 % of the free allocation. cq-steel: 10,000 t verified, 9,000 allocated.
    const cq = (path: string, body: Json) =>
      expectPost(`${url}/registries/CQ${path}`, { actor: 'regulator:CQ', ...body }, 201);
    await cq('/allocations', {
      commandId: 'alloc-2026',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2026,
      rules: {
        cap: 9_000,
        auctionShareBp: 0,
        newEntrantReserveBp: 0,
        governmentReserveBp: 0,
        entitlementRounding: 'floor',
        scaling: 'floor',
      },
      firms: [{ firmId: 'cq-steel', method: 'fixed', quantity: 9_000 }],
    });
    await cq('/emission-reports', {
      commandId: 'rep-steel',
      firmId: 'cq-steel',
      complianceYear: 2026,
      emissions: 10_000,
    });
    await cq('/verifications', {
      commandId: 'ver-steel',
      firmId: 'cq-steel',
      complianceYear: 2026,
      verifiedEmissions: 10_000,
    });
    const offsets = {
      actor: 'cq-steel',
      from: 'cq-steel',
      serialStart: done.destinationSerials!.start,
      serialEnd: done.destinationSerials!.end,
      complianceYear: 2026,
    };
    // No local offsets yet: the local-share rule leaves no room for recognised ones.
    expect(
      await postJson(`${url}/registries/CQ/recognised-surrenders`, { commandId: 'sur-early', ...offsets }),
    ).toMatchObject({
      status: 422,
      body: { code: 'RECOGNITION.OVER_OFFSET_LIMIT', field: 'serialEnd' },
    });
    const local = await issueCredits(url, 'CQ', 'cq-steel', {
      commandId: 'issue-local',
      kind: 'CQCER',
      vintage: 2025,
      projectId: 'cq-forest',
      quantity: 300,
    });
    await cq('/surrenders', {
      commandId: 'sur-local',
      actor: 'cq-steel',
      from: 'cq-steel',
      serialStart: local,
      serialEnd: local + 299,
      complianceYear: 2026,
    });
    // room = min(800 − 300, 300 × 1, 225) = 225 ≥ 46
    const surrendered = await expectPost(
      `${url}/registries/CQ/recognised-surrenders`,
      { commandId: 'sur-thtf', ...offsets },
      201,
    );
    expect(surrendered).toMatchObject({ quantity: 46, replayed: false });
    expect(
      await expectPost(
        `${url}/registries/CQ/recognised-surrenders`,
        { commandId: 'sur-thtf', ...offsets },
        201,
      ),
    ).toMatchObject({
      replayed: true,
    });
    expect(
      await postJson(`${url}/registries/CQ/recognised-surrenders`, {
        commandId: 'sur-local-again',
        ...offsets,
        serialStart: local,
        serialEnd: local,
      }),
    ).toMatchObject({
      status: 422,
      body: { code: 'RECOGNITION.NOT_RECOGNISED' },
    });

    // The compliance run counts them as Sichuan-issued (non-local) offsets next to the 300 local ones.
    const run = await cq('/compliance-runs', {
      commandId: 'run-2026',
      projects: [{ projectId: 'cq-forest', projectType: 'afforestation', projectStartYear: 2020 }],
      complianceYear: 2026,
      avgPriceLastMonthFen: 5000,
    });
    const records = run.records as { statuses: { firmId: string; offsets: Json }[] }[];
    expect(records[0]!.statuses.find((st) => st.firmId === 'cq-steel')!.offsets).toMatchObject({
      limit: 800,
      used: 346,
      localUsed: 300,
      nonLocalUsed: 46,
    });

    // The same serials cannot cross again: refused with the reason, nothing recorded.
    const again = await request({
      requestId: 'r-1-again',
      holderId: 'cq-steel',
      origin: 'SC',
      destination: 'CQ',
      serialStart: first,
      serialEnd: first + 45,
      projectType: 'rooftop-solar',
      use: 'compliance-offset',
    });
    expect(again).toMatchObject({
      status: 422,
      body: {
        code: 'RECOGNITION.REQUEST_REJECTED',
        field: 'serialStart',
        message: expect.stringContaining('RECOGNITION.SERIALS_RECOGNISED'),
      },
    });
    expect((await fetch(`${url}/recognition/requests/r-1-again`)).status).toBe(404);
  });

  it("shows a request to its holder and its provinces' regulators only (docs/security.md)", async () => {
    const as = async (principal: Principal, path: string) => {
      const response = await fetch(`${url}${path}`, { headers: bearerFor(principal, service) });
      return { status: response.status, body: (await response.json()) as Json | Json[] };
    };
    const stranger = testEnterprise('sc-power-001', 'SC');
    expect(await as(stranger, '/recognition/requests/r-1')).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN', message: 'registry.read: cq-steel is not yours' },
    });
    expect(await as(testEnterprise('cq-steel', 'CQ'), '/recognition/requests/r-1')).toMatchObject({
      status: 200,
      body: { requestId: 'r-1', holderId: 'cq-steel' },
    });
    // SC → CQ: either province's regulator reads it; a verifier too; a researcher not.
    for (const reader of [testRegulator('CQ'), testRegulator('SC'), { role: 'verifier', id: 'v' } as const])
      expect((await as(reader, '/recognition/requests/r-1')).status).toBe(200);
    expect((await as({ role: 'researcher', id: 'r' }, '/recognition/requests/r-1')).status).toBe(403);
    // Lists: an enterprise names itself (holderId) and sees its own only.
    expect((await as(stranger, '/recognition/requests?status=all')).status).toBe(403);
    expect((await as(stranger, '/recognition/requests?status=all&holderId=cq-steel')).status).toBe(403);
    expect(await as(stranger, '/recognition/requests?status=all&holderId=sc-power-001')).toEqual({
      status: 200,
      body: [],
    });
    const own = await as(
      testEnterprise('cq-steel', 'CQ'),
      '/recognition/requests?status=all&holderId=cq-steel',
    );
    expect((own.body as Json[]).map((r) => r.holderId)).toEqual(['cq-steel']);
    // A bad filter is named.
    for (const [query, field] of [
      ['status=approved', 'status'],
      ['status=all&registry=GD', 'registry'],
    ])
      expect(await as(testRegulator('CQ'), `/recognition/requests?${query}`)).toMatchObject({
        status: 422,
        body: { code: 'RECOGNITION.BAD_PARAMETER', field },
      });
    // The serial history names its holders: theirs, and the province's regulator's.
    const serial = ((own.body as Json[])[0]!.originSerials as Json).first as string;
    expect((await as(stranger, `/serials/${serial}`)).status).toBe(403);
    expect((await as(testEnterprise('cq-steel', 'CQ'), `/serials/${serial}`)).status).toBe(200);
    expect((await as(testRegulator('SC'), `/serials/${serial}`)).status).toBe(200);
    expect(await as(testRegulator('CQ'), `/serials/${serial}`)).toMatchObject({
      status: 403,
      body: { message: 'registry.read: a CQ regulator cannot act for SC' },
    });
  });

  it('recognises a Chongqing CQCER in Sichuan and retires it there (the reverse direction)', async () => {
    const first = await issueCredits(url, 'CQ', 'sc-brewery', {
      commandId: 'issue-cqcer',
      kind: 'CQCER',
      vintage: 2025,
      projectId: 'cq-trees',
      quantity: 36,
    });
    await openAccount(url, 'SC', 'sc-brewery');
    const answer = await request({
      requestId: 'r-2',
      holderId: 'sc-brewery',
      origin: 'CQ',
      destination: 'SC',
      serialStart: first,
      serialEnd: first + 35,
      projectType: 'afforestation',
      use: 'voluntary-retirement',
    });
    expect(answer.status).toBe(202);
    const done = await settled(url, 'r-2');
    expect(done).toMatchObject({ status: 'completed', originSerials: { accountId: 'CQ-CANCELLATION' } });
    const retire = {
      actor: 'sc-brewery',
      from: 'sc-brewery',
      serialStart: done.destinationSerials!.start,
      serialEnd: done.destinationSerials!.end,
      beneficiary: 'Chengdu brewery 2026 carbon neutrality',
    };
    // Recognised for voluntary retirement only: not as compliance offsets.
    expect(
      await postJson(`${url}/registries/SC/recognised-surrenders`, {
        commandId: 'sur-cqcer',
        actor: 'sc-brewery',
        from: 'sc-brewery',
        serialStart: retire.serialStart,
        serialEnd: retire.serialEnd,
        complianceYear: 2026,
      }),
    ).toMatchObject({ status: 422, body: { code: 'RECOGNITION.USE_NOT_ALLOWED' } });
    expect(
      await expectPost(
        `${url}/registries/SC/recognised-retirements`,
        { commandId: 'ret-cqcer', ...retire },
        201,
      ),
    ).toMatchObject({
      quantity: 36,
    });

    // The 2026 net-flow account: Sichuan's 46 used in Chongqing, Chongqing's 36 used in Sichuan.
    const flow = await getJson<Json>(`${url}/recognition/net-flow?year=2026`);
    expect(flow).toMatchObject({
      year: 2026,
      SC: { exported: 46, imported: 36, net: 10 },
      CQ: { exported: 36, imported: 46, net: -10 },
    });
    expect(await getJson<Json>(`${url}/recognition/net-flow?year=2025`)).toMatchObject({
      SC: { net: 0 },
      CQ: { net: 0 },
    });
    expect((await fetch(`${url}/recognition/net-flow?year=soon`)).status).toBe(422);
  });

  it('refuses what the rules exclude, with every reason, and touches no registry', async () => {
    const first = await issueCredits(url, 'SC', 'cq-steel', {
      commandId: 'issue-old',
      kind: 'TANHUI_TIANFU',
      vintage: 2019,
      projectId: 'sc-hydro',
      quantity: 10,
    });
    const answer = await request({
      requestId: 'r-old-hydro',
      holderId: 'cq-steel',
      origin: 'SC',
      destination: 'CQ',
      serialStart: first,
      serialEnd: first + 9,
      projectType: 'hydro',
      use: 'compliance-offset',
    });
    expect(answer).toMatchObject({
      status: 422,
      body: {
        code: 'RECOGNITION.REQUEST_REJECTED',
        message:
          'RECOGNITION.REQUEST_REJECTED: request r-old-hydro refused: RECOGNITION.VINTAGE_EXCLUDED, RECOGNITION.PROJECT_TYPE_EXCLUDED',
      },
    });
    expect((await fetch(`${url}/recognition/requests/r-old-hydro`)).status).toBe(404);
    const holding = await account('SC', 'cq-steel');
    expect(JSON.stringify(holding)).not.toContain('recognition:r-old-hydro');

    const ccer = await issueCredits(url, 'SC', 'cq-steel', {
      commandId: 'issue-ccer',
      kind: 'CCER',
      vintage: 2024,
      projectId: 'nat-wind',
      quantity: 5,
    });
    expect(
      await request({
        requestId: 'r-ccer',
        holderId: 'cq-steel',
        origin: 'SC',
        destination: 'CQ',
        serialStart: ccer,
        serialEnd: ccer + 4,
        projectType: 'wind',
        use: 'compliance-offset',
      }),
    ).toMatchObject({ status: 422, body: { message: expect.stringContaining('RECOGNITION.KIND_EXCLUDED') } });
    expect((await request({ requestId: 'bad', holderId: 'x', origin: 'SC', destination: 'CQ' })).status).toBe(
      400,
    );
    expect(
      await request({
        requestId: 'r-nowhere',
        holderId: 'cq-steel',
        origin: 'SC',
        destination: 'CQ',
        serialStart: 9_999_999,
        serialEnd: 9_999_999,
        projectType: 'x',
        use: 'compliance-offset',
      }),
    ).toMatchObject({ status: 404, body: { field: 'serialStart' } });

    // Version 2026.2 (both keys, same date: the later adoption wins) cuts the SC→CQ quota to 100 a year;
    // 46 were recognised in 2026 already, so 60 more exceed it.
    const tight = {
      ...CHENGYU_RECOGNITION_2026_1,
      version: '2026.2',
      rules: CHENGYU_RECOGNITION_2026_1.rules.map((r) =>
        r.origin === 'SC' ? { ...r, annualQuota: 100 } : r,
      ),
    };
    await expectPost(
      `${url}/recognition/agreements`,
      { commandId: 'p-2026.2', actor: 'CQ-EEB', regulator: 'CQ-EEB', document: tight },
      201,
    );
    for (const [regulator, jurisdiction] of [
      ['CQ-EEB', 'CQ'],
      ['SC-DEE', 'SC'],
    ] as const)
      await expectPost(
        `${url}/recognition/agreements/2026.2/approvals`,
        {
          commandId: `a-2026.2-${jurisdiction}`,
          actor: regulator,
          regulator,
          jurisdiction,
          effectiveFrom: '2026-04-01',
        },
        201,
      );
    const sixty = await issueCredits(url, 'SC', 'cq-steel', {
      commandId: 'issue-60',
      kind: 'TANHUI_TIANFU',
      vintage: 2026,
      projectId: 'sc-coop',
      quantity: 60,
    });
    expect(
      await request({
        requestId: 'r-quota',
        holderId: 'cq-steel',
        origin: 'SC',
        destination: 'CQ',
        serialStart: sixty,
        serialEnd: sixty + 59,
        projectType: 'rooftop-solar',
        use: 'compliance-offset',
      }),
    ).toMatchObject({
      status: 422,
      body: { field: 'serialEnd', message: expect.stringContaining('RECOGNITION.QUOTA_EXCEEDED') },
    });
  });

  it('compensates when the origin refuses (not the holder’s units) or the destination does (no account there)', async () => {
    const first = await issueCredits(url, 'SC', 'sc-farm', {
      commandId: 'issue-farm',
      kind: 'FORESTRY_SINK',
      vintage: 2024,
      projectId: 'sc-forest',
      quantity: 20,
    });
    await openAccount(url, 'CQ', 'cq-trader');
    expect(
      (
        await request({
          requestId: 'r-not-mine',
          holderId: 'cq-trader',
          origin: 'SC',
          destination: 'CQ',
          serialStart: first,
          serialEnd: first + 9,
          projectType: 'afforestation',
          use: 'voluntary-retirement',
        })
      ).status,
    ).toBe(202);
    expect(await settled(url, 'r-not-mine')).toMatchObject({
      status: 'compensated',
      failure: 'REJECTED_BY_ORIGIN',
    });

    // sc-farm has no Chongqing account: the destination refuses to issue; the origin lock is released.
    expect(
      (
        await request({
          requestId: 'r-no-account',
          holderId: 'sc-farm',
          origin: 'SC',
          destination: 'CQ',
          serialStart: first,
          serialEnd: first + 9,
          projectType: 'afforestation',
          use: 'voluntary-retirement',
        })
      ).status,
    ).toBe(202);
    const compensated = await settled(url, 'r-no-account');
    expect(compensated).toMatchObject({
      status: 'compensated',
      failure: 'REJECTED_BY_DESTINATION',
      failureDetail: 'LEDGER.UNKNOWN_ACCOUNT: unknown account sc-farm',
      originSerials: { accountId: 'sc-farm' },
    });
    expect(compensated.originSerials!.lockId).toBeUndefined();
    expect(compensated.steps.map((s) => s.step)).toEqual([
      'RecognitionRequested',
      'OriginRangeLocked',
      'RecognitionFailed',
      'OriginRangeUnlocked',
      'RecognitionCompensated',
    ]);
    const pending = await getJson<Json[]>(`${url}/recognition/requests?registry=SC&status=pending`);
    expect(pending).toEqual([]);
  });

  it('times out a saga stuck before the pivot: the recognised units are revoked and the origin unlocked', async () => {
    const first = await issueCredits(url, 'CQ', 'sc-brewery', {
      commandId: 'issue-cqcer-2',
      kind: 'CQCER',
      vintage: 2026,
      projectId: 'cq-solar',
      quantity: 8,
    });
    // The origin registry is "down" for the pivot: the cancel step keeps failing.
    const runner = service.app.get(RecognitionSagaRunner, { strict: false });
    const advance = runner.advance.bind(runner);
    const spy = jest.spyOn(runner, 'advance').mockImplementation(async (id, step) => {
      if (id === 'r-stuck' && step === 'OriginRangeCancelled') throw new Error('origin registry unavailable');
      return advance(id, step);
    });
    try {
      await request({
        requestId: 'r-stuck',
        holderId: 'sc-brewery',
        origin: 'CQ',
        destination: 'SC',
        serialStart: first,
        serialEnd: first + 7,
        projectType: 'rooftop-solar',
        use: 'voluntary-retirement',
      });
      const stuck = await reaches(url, 'r-stuck', ['destination-issued']);
      expect(stuck.destinationSerials).toMatchObject({
        accountId: 'sc-brewery',
        lockId: 'recognition:r-stuck',
      });
      expect(await getJson<Json[]>(`${url}/recognition/requests?registry=CQ`)).toMatchObject([
        { requestId: 'r-stuck' },
      ]);

      const sweep = (body: Json) => postJson(`${url}/recognition/timeout-sweeps`, body);
      expect((await sweep({ commandId: 'sweep-1', actor: 'ops' })).body).toEqual({ timedOut: [] });
      clock.now = () => MAY_10 + 24 * 3_600_000; // the agreement's 24 h
      expect((await sweep({ commandId: 'sweep-2', actor: 'ops' })).body).toEqual({ timedOut: ['r-stuck'] });
      const compensated = await settled(url, 'r-stuck');
      expect(compensated).toMatchObject({
        status: 'compensated',
        failure: 'TIMED_OUT',
        originSerials: { accountId: 'sc-brewery', registry: 'CQ' },
        destinationSerials: { accountId: 'SC-CANCELLATION' },
      });
      expect(compensated.originSerials!.lockId).toBeUndefined();
      expect(compensated.steps.map((s) => s.step).slice(3)).toEqual([
        'RecognitionFailed',
        'RecognisedUnitsRevoked',
        'OriginRangeUnlocked',
        'RecognitionCompensated',
      ]);
    } finally {
      spy.mockRestore();
      clock.now = () => MAY_10;
    }
  });
});
