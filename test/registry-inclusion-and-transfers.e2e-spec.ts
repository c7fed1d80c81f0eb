import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { registryService } from '../apps/registry/src/registry.app';
import type { Principal } from '@app/domain';
import { bearerFor, TEST_ADMIN, testEnterprise, testRegulator } from './support/auth';
import { getJson, postJson } from './support/http';
import { operationsOf, requestArbitrary, type OpenApiDocument } from './support/openapi-fuzz';

jest.setTimeout(120_000);

// The registry service over HTTP on a real PostgreSQL database: carbon-inclusion issuance, the credits
// traded as ordinary units, and a cross-province SO2 transfer with both regulators' decisions.
// TRANSCRIPT=/path writes every exchange as JSON (the source of docs/carbon-inclusion.md and
// docs/cross-province-transfers.md).
describe('registry over HTTP on PostgreSQL: carbon inclusion and cross-province transfers', () => {
  let db: TestDatabase;
  let service: RunningService;
  const transcript: unknown[] = [];
  const post = async (path: string, body: unknown) => {
    const answer = await postJson(`${service.url}${path}`, body);
    transcript.push({ method: 'POST', path, request: body, status: answer.status, response: answer.body });
    return answer;
  };
  const get = async <T>(path: string) => {
    const body = await getJson<T>(`${service.url}${path}`);
    transcript.push({ method: 'GET', path, status: 200, response: body });
    return body;
  };
  const open = (j: string, accountId: string) =>
    post(`/registries/${j}/accounts`, {
      commandId: `open-${accountId}`,
      actor: 'regulator',
      accountId,
      accountType: 'ENTERPRISE_HOLDING',
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startService(
      registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: db.url })),
    );
    for (const [j, id] of [
      ['CQ', 'cq-household-17'],
      ['CQ', 'cq-steel-02'],
      ['CQ', 'cq-chem-01'],
      ['SC', 'sc-paper-02'],
    ])
      expect((await open(j, id)).status).toBe(201);
    transcript.length = 0;
  });
  afterAll(async () => {
    if (process.env.TRANSCRIPT) writeFileSync(process.env.TRANSCRIPT, JSON.stringify(transcript, null, 2));
    await service?.close();
    await db?.drop();
  });

  const inclusion = {
    commandId: 'ci-2026-h1',
    actor: 'platform:cq-tanhuitong',
    issuanceId: 'cq-ci-2026-h1',
    holderAccountId: 'cq-household-17',
    records: [
      {
        recordId: 'pv-0042-2026-01',
        methodologyId: 'CQ-SOLAR-ROOFTOP',
        quantity: 10000,
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
      },
      {
        recordId: 'ev-0042-2026-h1',
        methodologyId: 'CQ-EV-KM',
        quantity: 12000,
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
      },
      {
        recordId: 'trees-0042-2025',
        methodologyId: 'CQ-TREES',
        quantity: 200,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      },
    ],
  };

  it('lists methodologies with factors and sources', async () => {
    const list = await get<{ id: string; factor: { kgCo2PerUnit: string }; source: string }[]>(
      '/carbon-inclusion/methodologies',
    );
    expect(list.find((m) => m.id === 'CQ-SOLAR-ROOFTOP')).toMatchObject({
      creditKind: 'CQCER',
      unit: 'kWh',
      factor: { num: 5306, den: 10_000_000, kgCo2PerUnit: '0.530600' },
      window: { from: '2021-01-01', maxPeriodDays: 366 },
    });
  });

  it('issues a batch, answers a retry with the same serials, and shows the issuance', async () => {
    const issued = await post('/registries/CQ/carbon-inclusion/issuances', inclusion);
    expect(issued).toMatchObject({ status: 201, body: { credits: 8, replayed: false } });
    const again = await post('/registries/CQ/carbon-inclusion/issuances', inclusion);
    expect(again).toMatchObject({ status: 201, body: { replayed: true, blocks: issued.body.blocks } });
    expect(await get('/registries/CQ/carbon-inclusion/issuances/cq-ci-2026-h1')).toMatchObject({
      credits: 8,
    });
  });

  it('refuses bad batches with the field, whole batch or nothing', async () => {
    const bad = (over: Record<string, unknown>, records = inclusion.records) =>
      post('/registries/CQ/carbon-inclusion/issuances', {
        ...inclusion,
        commandId: 'ci-bad',
        issuanceId: 'cq-ci-bad',
        ...over,
        records,
      });
    expect(await bad({})).toMatchObject({
      status: 409,
      body: { code: 'CARBON_INCLUSION.DUPLICATE_RECORD', field: 'records[0].recordId' },
    });
    const fresh = [
      {
        recordId: 'pv-0043-2026-02',
        methodologyId: 'CQ-SOLAR-ROOFTOP',
        quantity: 800,
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
      },
      {
        recordId: 'ev-0043-2026-02',
        methodologyId: 'CQ-EV-KM',
        quantity: -30,
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
      },
      {
        recordId: 'pv-0043-2099-01',
        methodologyId: 'CQ-SOLAR-ROOFTOP',
        quantity: 50,
        periodStart: '2099-01-01',
        periodEnd: '2099-01-31',
      },
    ];
    expect(await bad({}, fresh)).toMatchObject({
      status: 422,
      body: {
        code: 'CARBON_INCLUSION.NEGATIVE',
        field: 'records[1].quantity',
        message: expect.stringContaining('records[2].periodEnd'),
      },
    });
    expect(await bad({}, [{ ...fresh[0], methodologyId: 'CQ-BIKE-KM' }])).toMatchObject({
      status: 404,
      body: { code: 'CARBON_INCLUSION.UNKNOWN_METHODOLOGY', field: 'records[0].methodologyId' },
    });
    expect(await bad({}, [{ ...fresh[0], quantity: 'lots' }] as never)).toMatchObject({ status: 400 });
    expect(await bad({ holderAccountId: 'nobody' }, [fresh[0]])).toMatchObject({
      status: 404,
      body: { field: 'holderAccountId' },
    });
    const supply = await get<{ rows: { kind: string; issued: number }[] }>('/registries/CQ/supply');
    expect(supply.rows.filter((r) => r.kind === 'CQCER').reduce((s, r) => s + r.issued, 0)).toBe(8);
  });

  it('the credits are ordinary registry units: transferred by kind like any credit', async () => {
    const moved = await post('/registries/CQ/transfers', {
      commandId: 'sell-ci-1',
      actor: 'cq-household-17',
      from: 'cq-household-17',
      to: 'cq-steel-02',
      kind: 'CQCER',
      quantity: 5,
    });
    expect(moved).toMatchObject({ status: 201, body: { quantity: 5 } });
  });

  it('moves SO2 rights from Chongqing to Sichuan once both regulators approve', async () => {
    await post('/registries/CQ/issuances', {
      commandId: 'so2-cq-chem',
      actor: 'regulator:CQ-EEB',
      accountId: 'cq-chem-01',
      kind: 'POLLUTANT_SO2',
      vintage: 2025,
      quantity: 100,
    });
    const request = {
      commandId: 'xp-req-0001',
      actor: 'cq-chem-01',
      transferId: 'xp-2026-0001',
      from: 'CQ',
      sellerAccountId: 'cq-chem-01',
      to: 'SC',
      buyerAccountId: 'sc-paper-02',
      kind: 'POLLUTANT_SO2',
      vintage: 2025,
      quantity: 40,
      priceFen: 2100000,
      approvalWindowHours: 72,
    };
    expect(
      await post('/cross-province-transfers', {
        ...request,
        commandId: 'x0',
        transferId: 'x0',
        to: 'CQ',
        buyerAccountId: 'cq-steel-02',
      }),
    ).toMatchObject({ status: 422, body: { code: 'CROSS_PROVINCE.SAME_PROVINCE', field: 'to' } });
    expect(
      await post('/cross-province-transfers', {
        ...request,
        commandId: 'x1',
        transferId: 'x1',
        kind: 'CARBON_ALLOWANCE',
      }),
    ).toMatchObject({ status: 422, body: { field: 'kind' } });
    expect(
      await post('/cross-province-transfers', {
        ...request,
        commandId: 'x2',
        transferId: 'x2',
        buyerAccountId: 'sc-ghost',
      }),
    ).toMatchObject({ status: 404, body: { field: 'buyerAccountId' } });
    expect(
      await post('/cross-province-transfers', {
        ...request,
        commandId: 'x3',
        transferId: 'x3',
        quantity: 101,
      }),
    ).toMatchObject({ status: 422, body: { code: 'CROSS_PROVINCE.RIGHTS_NOT_HELD', field: 'quantity' } });
    expect(
      await post('/cross-province-transfers', {
        ...request,
        commandId: 'x4',
        transferId: 'x4',
        priceFen: 21000.5,
      }),
    ).toMatchObject({ status: 400 });

    expect(await post('/cross-province-transfers', request)).toMatchObject({
      status: 201,
      body: { status: 'pending' },
    });
    // the id is reserved across both registries (its own one-event stream)
    const reserved = (await service.app
      .get(DataSource, { strict: false })
      .query(
        `SELECT version FROM streams WHERE stream_id = 'cross-province-transfer-xp-2026-0001'`,
      )) as unknown[];
    expect(reserved).toEqual([{ version: 1 }]);
    const decide = (side: string, body: Record<string, unknown>) =>
      post(`/cross-province-transfers/xp-2026-0001/${side}-decision`, body);
    // Only the side's province's regulator decides it: the transfer is looked up at the edge.
    expect(
      await decide('inflow', {
        commandId: 'xp-cq-in',
        actor: 'regulator:cq',
        regulator: 'CQ-EEB',
        decision: 'approve',
      }),
    ).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN', message: 'registry.decide: a CQ regulator cannot act for SC' },
    });
    const as = async (principal: Principal, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...bearerFor(principal) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const scOutflow = { commandId: 'xp-sc-out', decision: 'approve' };
    // A Sichuan regulator cannot decide the Chongqing side (the outflow of a CQ → SC transfer), nor can
    // an administrator decide either side; the body need not name the regulator.
    expect(
      await as(
        testRegulator('SC'),
        'POST',
        '/cross-province-transfers/xp-2026-0001/outflow-decision',
        scOutflow,
      ),
    ).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN', message: 'registry.decide: a SC regulator cannot act for CQ' },
    });
    expect(
      await as(TEST_ADMIN, 'POST', '/cross-province-transfers/xp-2026-0001/outflow-decision', {
        ...scOutflow,
        regulator: 'CQ-EEB',
      }),
    ).toMatchObject({ status: 403, body: { message: 'registry.decide is not allowed to role admin' } });
    // Signing in someone else's name is refused.
    expect(
      await as(testRegulator('CQ'), 'POST', '/cross-province-transfers/xp-2026-0001/outflow-decision', {
        ...scOutflow,
        regulator: 'someone-else',
      }),
    ).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining('signed in as regulator-cq, the body names someone-else') },
    });
    // The transfer is read by its seller and buyer and by both provinces' regulators, nobody else.
    const view = '/cross-province-transfers/xp-2026-0001';
    expect((await as(testEnterprise('cq-chem-01', 'CQ'), 'GET', view)).status).toBe(200);
    expect((await as(testEnterprise('sc-paper-02', 'SC'), 'GET', view)).status).toBe(200);
    expect(await as(testEnterprise('cq-steel-02', 'CQ'), 'GET', view)).toMatchObject({
      status: 403,
      body: { message: 'registry.read: cq-chem-01, sc-paper-02 is not yours' },
    });
    for (const province of ['CQ', 'SC'] as const)
      expect((await as(testRegulator(province), 'GET', view)).status).toBe(200);
    // Listed, by default the pending ones: each province's regulator sees what awaits it; an
    // enterprise lists its own account's only.
    const listed = (body: unknown) => (body as unknown as { transferId: string }[]).map((t) => t.transferId);
    for (const province of ['CQ', 'SC'] as const) {
      const pending = await as(testRegulator(province), 'GET', '/cross-province-transfers');
      expect(pending.status).toBe(200);
      expect(listed(pending.body)).toEqual(['xp-2026-0001']);
    }
    const seller = testEnterprise('cq-chem-01', 'CQ');
    expect(listed((await as(seller, 'GET', '/cross-province-transfers?accountId=cq-chem-01')).body)).toEqual([
      'xp-2026-0001',
    ]);
    expect((await as(seller, 'GET', '/cross-province-transfers')).status).toBe(403);
    expect((await as(seller, 'GET', '/cross-province-transfers?accountId=sc-paper-02')).status).toBe(403);
    const other = testEnterprise('cq-steel-02', 'CQ');
    expect(await as(other, 'GET', '/cross-province-transfers?accountId=cq-steel-02&status=all')).toEqual({
      status: 200,
      body: [],
    });
    expect(await as(testRegulator('CQ'), 'GET', '/cross-province-transfers?status=approved')).toMatchObject({
      status: 422,
      body: { code: 'CROSS_PROVINCE.BAD_PARAMETER', field: 'status' },
    });
    expect(await as(testRegulator('CQ'), 'GET', '/cross-province-transfers?registry=GD')).toMatchObject({
      status: 422,
      body: { field: 'registry' },
    });
    expect(
      await decide('outflow', {
        commandId: 'xp-out',
        regulator: 'CQ-EEB',
        decision: 'approve',
      }),
    ).toMatchObject({
      status: 201,
      body: { status: 'pending' },
    });
    const done = await decide('inflow', {
      commandId: 'xp-in',
      regulator: 'SC-DEE',
      decision: 'approve',
    });
    expect(done).toMatchObject({ status: 201, body: { status: 'completed', arrived: [{ quantity: 40 }] } });
    const arrived = (done.body.arrived as { first: string }[])[0]!.first;
    // each unit names its counterpart serial on the other side
    expect(await get(`/serials/${arrived}`)).toMatchObject({
      registry: 'SC',
      accountId: 'sc-paper-02',
      crossProvince: { transferId: 'xp-2026-0001', arrivedFrom: 'CQ-POLLUTANT_SO2-2025-000000000009' },
    });
    expect(await get('/serials/CQ-POLLUTANT_SO2-2025-000000000010')).toMatchObject({
      accountId: 'CQ-CANCELLATION',
      crossProvince: { transferId: 'xp-2026-0001', transferredTo: 'SC-POLLUTANT_SO2-2025-000000000002' },
    });
    expect(await get('/serials/CQ-POLLUTANT_SO2-2025-000000000049')).not.toHaveProperty('crossProvince');
    // A transferred unit's origin serial: the buyer follows what it bought back to its origin; others not.
    const origin = '/serials/CQ-POLLUTANT_SO2-2025-000000000010';
    expect((await as(testEnterprise('sc-paper-02', 'SC'), 'GET', origin)).status).toBe(200);
    expect((await as(testRegulator('SC'), 'GET', origin)).status).toBe(200);
    expect(await as(testEnterprise('cq-steel-02', 'CQ'), 'GET', origin)).toMatchObject({ status: 403 });
    await get('/cross-province-transfers/xp-2026-0001');
    expect(
      listed((await as(testRegulator('SC'), 'GET', '/cross-province-transfers?status=completed')).body),
    ).toEqual(['xp-2026-0001']);
    expect((await as(testRegulator('SC'), 'GET', '/cross-province-transfers')).body).toEqual([]);
  });

  it('fuzz: generated requests to these endpoints never answer 5xx, and a refused one appends no event', async () => {
    const dataSource = service.app.get(DataSource, { strict: false });
    const position = async () =>
      (
        (await dataSource.query('SELECT coalesce(max(global_position), 0) AS p FROM events')) as {
          p: string;
        }[]
      )[0]!.p;
    const document = await getJson<OpenApiDocument>(`${service.url}/docs/json`);
    const operations = operationsOf(document).filter((o) => /carbon-inclusion|cross-province/.test(o.path));
    expect(operations.length).toBe(9);
    const knownValues = {
      accountId: ['cq-chem-01', 'sc-paper-02'],
      status: ['pending', 'all'],
      registry: ['CQ', 'SC'],
      jurisdiction: ['CQ', 'SC'],
      transferId: ['xp-2026-0001'],
      issuanceId: ['cq-ci-2026-h1'],
      holderAccountId: ['cq-household-17'],
      sellerAccountId: ['cq-chem-01'],
      buyerAccountId: ['sc-paper-02'],
      regulator: ['CQ-EEB', 'SC-DEE'],
    };
    const problems: string[] = [];
    for (const [i, operation] of operations.entries())
      for (const request of fc.sample(requestArbitrary(operation, document, { knownValues }), {
        seed: 2026 + i,
        numRuns: 25,
      })) {
        const before = await position();
        const response = await fetch(`${service.url}${request.url}`, {
          method: request.method,
          headers: request.contentType ? { 'content-type': request.contentType } : {},
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        await response.arrayBuffer();
        const what = `${response.status} ${request.method} ${request.url.slice(0, 120)} ${request.body?.slice(0, 200) ?? ''}`;
        if (response.status >= 500) problems.push(`server error: ${what}`);
        if (response.status >= 400 && (await position()) !== before)
          problems.push(`refused but appended: ${what}`);
      }
    expect(problems).toEqual([]);
  });
});
