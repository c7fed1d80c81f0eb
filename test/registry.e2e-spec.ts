import { parseAppConfig, RunningService, startService } from '@app/platform';
import { registryService } from '../apps/registry/src/registry.app';
import { bearerFor, TEST_ADMIN } from './support/auth';
import { getJson, postJson } from './support/http';

interface RangeView {
  start: number;
  end: number;
  first: string;
  last: string;
}
interface SupplyRow {
  kind: string;
  vintage: number;
  issued: number;
  held: number;
  surrendered: number;
  cancelled: number;
  retired: number;
  conserved: boolean;
}

describe('registry service, embedded (PGlite): accounts, issuance, moves, serial history, supply', () => {
  let service: RunningService;
  let url: string;
  const actor = 'regulator:cq-eco';
  const post = (path: string, body: Record<string, unknown>) => postJson(`${url}${path}`, { actor, ...body });

  beforeAll(async () => {
    service = await startService(registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent' })));
    url = service.url;
    for (const id of ['cq-steel-001', 'cq-cement-002'])
      expect(
        (
          await post('/registries/CQ/accounts', {
            commandId: `open-${id}`,
            accountId: id,
            accountType: 'ENTERPRISE_HOLDING',
          })
        ).status,
      ).toBe(201);
  });
  afterAll(() => service?.close());

  it('issues a block to the government account and transfers part of it, splitting the range', async () => {
    const issued = await post('/registries/CQ/issuances', {
      commandId: 'issue-2025',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2025,
      quantity: 1000,
    });
    expect(issued).toMatchObject({
      status: 201,
      body: {
        replayed: false,
        blocks: [{ start: 1, end: 1000, first: 'CQ-CARBON_ALLOWANCE-2025-000000000001' }],
      },
    });
    const moved = await post('/registries/CQ/transfers', {
      commandId: 'alloc-steel',
      from: 'CQ-GOVERNMENT',
      to: 'cq-steel-001',
      quantity: 600,
      kind: 'CARBON_ALLOWANCE',
    });
    expect(moved).toMatchObject({ status: 201, body: { quantity: 600, ranges: [{ start: 1, end: 600 }] } });
    const account = await getJson<{ total: number; holdings: { vintage: number; ranges: RangeView[] }[] }>(
      `${url}/registries/CQ/accounts/cq-steel-001`,
    );
    expect(account.total).toBe(600);
    expect(account.holdings[0].ranges).toEqual([
      expect.objectContaining({ start: 1, end: 600, last: 'CQ-CARBON_ALLOWANCE-2025-000000000600' }),
    ]);
    const holders = await getJson<{ accounts: { accountId: string; total: number; locked: number }[] }>(
      `${url}/registries/CQ/accounts?type=ENTERPRISE_HOLDING`,
    );
    expect(holders.accounts).toEqual([
      { accountId: 'cq-cement-002', accountType: 'ENTERPRISE_HOLDING', total: 0, locked: 0 },
      { accountId: 'cq-steel-001', accountType: 'ENTERPRISE_HOLDING', total: 600, locked: 0 },
    ]);
    const all = await getJson<{ accounts: { accountId: string; total: number }[] }>(
      `${url}/registries/CQ/accounts`,
    );
    expect(all.accounts.find((a) => a.accountId === 'CQ-GOVERNMENT')?.total).toBe(400);
  });

  it('answers a retried command with the first answer, and another body under its id with 409', async () => {
    const body = {
      commandId: 'alloc-cement',
      from: 'CQ-GOVERNMENT',
      to: 'cq-cement-002',
      serialStart: 601,
      serialEnd: 900,
    };
    const first = await post('/registries/CQ/transfers', body);
    const again = await post('/registries/CQ/transfers', body);
    expect(first.status).toBe(201);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    const other = await post('/registries/CQ/transfers', { ...body, serialEnd: 901 });
    expect(other).toMatchObject({
      status: 409,
      body: { code: 'REGISTRY.COMMAND_ID_CONFLICT', field: 'commandId' },
    });
  });

  it('surrenders, retires and cancels into the terminal accounts; supply stays conserved', async () => {
    const kind = 'CARBON_ALLOWANCE';
    expect(
      (
        await post('/registries/CQ/surrenders', {
          commandId: 's1',
          from: 'cq-steel-001',
          quantity: 100,
          kind,
          complianceYear: 2025,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post('/registries/CQ/retirements', {
          commandId: 'r1',
          from: 'cq-steel-001',
          quantity: 10,
          kind,
          beneficiary: 'Marathon',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post('/registries/CQ/cancellations', {
          commandId: 'c1',
          from: 'CQ-GOVERNMENT',
          quantity: 50,
          kind,
          reason: 'reserve cancelled',
        })
      ).status,
    ).toBe(201);
    const supply = await getJson<{ rows: SupplyRow[] }>(`${url}/registries/CQ/supply`);
    expect(supply.rows).toEqual([
      expect.objectContaining({
        kind,
        vintage: 2025,
        issued: 1000,
        held: 840,
        surrendered: 100,
        retired: 10,
        cancelled: 50,
        conserved: true,
      }),
    ]);
  });

  it('shows the full history of a serial, and 404 for a serial no registry issued', async () => {
    const history = await getJson<{
      registry: string;
      accountId: string;
      events: { type: string; to?: string }[];
    }>(`${url}/serials/CQ-CARBON_ALLOWANCE-2025-000000000001`);
    expect(history.registry).toBe('CQ');
    expect(history.accountId).toBe('CQ-SURRENDER');
    expect(history.events.map((e) => e.type)).toEqual([
      'UnitsIssued',
      'UnitsTransferred',
      'UnitsSurrendered',
    ]);
    const missing = await fetch(`${url}/serials/SC-CARBON_ALLOWANCE-2025-000000000001`);
    expect(missing.status).toBe(404);
    const bad = await fetch(`${url}/serials/not-a-serial`);
    expect(bad.status).toBe(422);
  });

  it('maps bad input to 400 naming the field and rule violations to coded 4xx, never 500', async () => {
    const badQty = await post('/registries/CQ/transfers', {
      commandId: 'x1',
      from: 'cq-steel-001',
      to: 'cq-cement-002',
      quantity: 1.5,
      kind: 'CARBON_ALLOWANCE',
    });
    expect(badQty.status).toBe(400);
    expect(JSON.stringify(badQty.body.message)).toMatch(/quantity/);
    // `actor` comes from the sign-in: left out, the command is the signed-in principal's; naming
    // anyone else is refused (403), nothing written.
    const noActor = { commandId: 'x2', kind: 'CARBON_ALLOWANCE', vintage: 2031, quantity: 1 };
    const asAdmin = (body: Record<string, unknown>) =>
      fetch(`${url}/registries/CQ/issuances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearerFor(TEST_ADMIN, service) },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    expect(await asAdmin({ ...noActor, actor: 'regulator:cq-eco' })).toMatchObject({
      status: 403,
      body: {
        code: 'AUTH.FORBIDDEN',
        message:
          'actor: signed in as test-admin, the body names regulator:cq-eco; leave it out or name yourself',
      },
    });
    expect(await asAdmin(noActor)).toMatchObject({ status: 201, body: { replayed: false } });
    expect(await asAdmin({ ...noActor, actor: 'test-admin' })).toMatchObject({
      status: 201,
      body: { replayed: true },
    });
    const tooMany = await post('/registries/CQ/transfers', {
      commandId: 'x3',
      from: 'cq-steel-001',
      to: 'cq-cement-002',
      quantity: 10_000,
      kind: 'CARBON_ALLOWANCE',
    });
    expect(tooMany).toMatchObject({ status: 422, body: { code: 'LEDGER.INSUFFICIENT_UNITS' } });
    const unknownAccount = await post('/registries/CQ/transfers', {
      commandId: 'x4',
      from: 'nobody',
      to: 'cq-cement-002',
      quantity: 1,
      kind: 'CARBON_ALLOWANCE',
    });
    expect(unknownAccount).toMatchObject({ status: 404, body: { code: 'LEDGER.UNKNOWN_ACCOUNT' } });
    const unknownRegistry = await post('/registries/XX/accounts', {
      commandId: 'x5',
      accountId: 'a',
      accountType: 'ENTERPRISE_HOLDING',
    });
    expect(unknownRegistry).toMatchObject({
      status: 404,
      body: { code: 'REGISTRY.UNKNOWN_JURISDICTION', field: 'jurisdiction' },
    });
    const duplicate = await post('/registries/CQ/accounts', {
      commandId: 'x6',
      accountId: 'cq-steel-001',
      accountType: 'ENTERPRISE_HOLDING',
    });
    expect(duplicate).toMatchObject({
      status: 409,
      body: { code: 'REGISTRY.DUPLICATE_ACCOUNT', field: 'accountId' },
    });
    const creditWithoutProject = await post('/registries/CQ/issuances', {
      commandId: 'x7',
      kind: 'CQCER',
      vintage: 2024,
      quantity: 5,
    });
    expect(creditWithoutProject).toMatchObject({
      status: 422,
      body: { code: 'LEDGER.MISSING_FIELD', field: 'projectId' },
    });
    expect((await fetch(`${url}/registries/CQ/accounts/nobody`)).status).toBe(404);
    const badType = await fetch(`${url}/registries/CQ/accounts?type=holding`);
    expect({ status: badType.status, body: await badType.json() }).toMatchObject({
      status: 422,
      body: { code: 'REGISTRY.BAD_PARAMETER', field: 'type' },
    });
    expect((await fetch(`${url}/registries/XX/accounts`)).status).toBe(404);
  });

  it('keeps the SC registry apart: its serials count from 1 and read as SC-…', async () => {
    const issued = await post('/registries/SC/issuances', {
      commandId: 'sc-1',
      kind: 'TANHUI_TIANFU',
      vintage: 2024,
      projectId: 'SC-PV-7',
      quantity: 10,
    });
    expect(issued.body).toMatchObject({
      blocks: [{ start: 1, first: 'SC-TANHUI_TIANFU-2024-SC-PV-7-000000000001' }],
    });
    const history = await getJson<{ registry: string }>(
      `${url}/serials/SC-TANHUI_TIANFU-2024-SC-PV-7-000000000001`,
    );
    expect(history.registry).toBe('SC');
  });

  it('documents the registry endpoints in OpenAPI', async () => {
    const openapi = (await (await fetch(`${url}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/registries/{jurisdiction}/accounts',
        '/registries/{jurisdiction}/accounts/{id}',
        '/registries/{jurisdiction}/issuances',
        '/registries/{jurisdiction}/transfers',
        '/registries/{jurisdiction}/surrenders',
        '/registries/{jurisdiction}/retirements',
        '/registries/{jurisdiction}/cancellations',
        '/registries/{jurisdiction}/supply',
        '/serials/{serial}',
        '/registries/{jurisdiction}/locks',
        '/registries/{jurisdiction}/locks/{lockId}/release',
      ]),
    );
  });

  it('never answers 500 to malformed or hostile bodies on any registry route', async () => {
    const routes = [
      '/registries/CQ/accounts',
      '/registries/CQ/issuances',
      '/registries/CQ/transfers',
      '/registries/CQ/surrenders',
      '/registries/CQ/retirements',
      '/registries/CQ/cancellations',
      '/registries/CQ/allocation-previews',
      '/registries/CQ/allocations',
      '/registries/CQ/auctions/A9/clear',
      '/registries/CQ/emission-reports',
      '/registries/CQ/verifications',
      '/registries/CQ/compliance-runs',
    ];
    const bodies: unknown[] = [
      {},
      [],
      'null',
      { commandId: 'f1', actor: 'a', quantity: -1, kind: 'NOPE' },
      {
        commandId: 'f2',
        actor: 'a',
        from: 'cq-steel-001',
        to: 'CQ-SURRENDER',
        quantity: 1,
        kind: 'CARBON_ALLOWANCE',
      },
      {
        commandId: 'f3',
        actor: 'a',
        from: 'cq-steel-001',
        to: 'cq-cement-002',
        serialStart: 900,
        serialEnd: 10,
      },
      { commandId: 'f4', actor: 'a', vintage: 2025, rules: 'x', firms: {}, bids: [{}] },
      { commandId: 'f5', actor: 'a', quantity: 1e300, vintage: 1e9, complianceYear: '2025', emissions: -5 },
      {
        commandId: 'f6',
        actor: 'a',
        accountId: '../../etc',
        accountType: 'ENTERPRISE_HOLDING',
        firmId: '',
        kind: 'CCER',
      },
    ];
    for (const route of routes)
      for (const body of bodies) {
        const res = await postJson(`${url}${route}`, body);
        if (res.status >= 500) throw new Error(`${route} answered ${res.status} to ${JSON.stringify(body)}`);
      }
    for (const path of [
      '/serials/%00',
      '/serials/CQ-X-2025-99999999999999999999',
      '/registries/CQ/accounts/%20',
    ])
      expect((await fetch(`${url}${path}`)).status).toBeLessThan(500);
  });
});
