import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { authorize, type Principal } from '@app/domain';
import {
  AUTH_SETTINGS,
  AuthSettings,
  parseAppConfig,
  ROUTE_ACCESS,
  routeKeyOf,
  RunningService,
  signAccessToken,
  startService,
} from '@app/platform';
import { resourcesOf } from '../libs/platform/src/auth/request-resource';
import type { FieldRef } from '../libs/platform/src/auth/route-access';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { withoutTestCredentials } from './support/test-credentials';
import { authenticateAs, bearerFor, TEST_ADMIN } from './support/auth';
import { postJson, setRequestHeaders } from './support/http';
import { fundMember } from './support/members';

const FIRM = 'cq-steel-001';
const PRINCIPALS: Record<string, Principal | undefined> = {
  anonymous: undefined,
  enterprise: { role: 'enterprise', id: FIRM, memberId: FIRM, accountIds: [FIRM], province: 'CQ' },
  'other enterprise': {
    role: 'enterprise',
    id: 'sc-power-001',
    memberId: 'sc-power-001',
    accountIds: ['sc-power-001'],
  },
  'regulator CQ': { role: 'regulator', id: 'regulator-cq', province: 'CQ' },
  'regulator SC': { role: 'regulator', id: 'regulator-sc', province: 'SC' },
  verifier: { role: 'verifier', id: 'verifier-01' },
  researcher: { role: 'researcher', id: 'researcher-01' },
  admin: { role: 'admin', id: 'admin' },
};

interface Route {
  method: string;
  path: string;
}

/** Every controller route of the running app (what the access guard sees), `METHOD /path`. */
function routesOf(service: RunningService): Route[] {
  const discovery = new DiscoveryService(service.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  return discovery.getControllers().flatMap(({ instance, metatype }) => {
    if (!instance || !metatype) return [];
    const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
    return scanner
      .getAllMethodNames(prototype)
      .filter((name) => Reflect.getMetadata(PATH_METADATA, prototype[name]) !== undefined)
      .map((name) => {
        const [method, path] = routeKeyOf(metatype, prototype[name]).split(' ');
        return { method, path };
      });
  });
}

/** Path parameters filled so that the route names the enterprise's own member / account in Chongqing. */
const PARAMS: Record<string, string> = { jurisdiction: 'CQ', memberId: FIRM, id: FIRM };

/** A body naming the enterprise's own side and Chongqing wherever the route reads them. */
function bodyFor(refs: FieldRef[]): Record<string, unknown> {
  const registryRoute = refs.includes('param:jurisdiction');
  const body: Record<string, unknown> = {};
  for (const ref of refs) {
    if (!ref.startsWith('body:')) continue;
    const path = ref.slice('body:'.length);
    if (path === 'orders.*.account') body.orders = [{ account: FIRM }];
    else if (['jurisdiction', 'province', 'origin'].includes(path) || (path === 'from' && !registryRoute))
      body[path] = 'CQ';
    else body[path] = FIRM;
  }
  return body;
}

// Anonymous requests stay anonymous here: this file brings its own credentials.
withoutTestCredentials();

describe('role matrix: every route of the running app, with every role and without credentials', () => {
  let service: RunningService;
  let routes: Route[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    service = await startService(
      sandboxService(
        parseAppConfig({
          PORT: '0',
          LOG_LEVEL: 'silent',
          AUTH_ENFORCE: 'on',
          RATE_LIMIT: '0',
          RUNS_DIR: 'runs-role-matrix-none',
        }),
      ),
    );
    const { secret } = service.app.get<AuthSettings>(AUTH_SETTINGS);
    for (const [name, principal] of Object.entries(PRINCIPALS))
      if (principal) tokens[name] = signAccessToken(principal, secret, 3600, Date.now());
    routes = routesOf(service);
  }, 60_000);
  afterAll(() => service?.close());

  it('declares the access of every route it serves (an undeclared route fails here)', () => {
    const undeclared = routes.map((r) => `${r.method} ${r.path}`).filter((key) => !ROUTE_ACCESS[key]);
    expect(undeclared).toEqual([]);
    // And no stale declaration (the console's redirect is there only once the console is built).
    const served = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !served.has(key) && key !== 'GET /')).toEqual([]);
    expect(routes.length).toBeGreaterThan(80);
  });

  it('answers every route as the policy decides, for every role and for none', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const access = ROUTE_ACCESS[`${route.method} ${route.path}`];
      const params = Object.fromEntries(
        [...route.path.matchAll(/:(\w+)/g)].map(([, name]) => [name, PARAMS[name] ?? 'x1']),
      );
      const url = route.path.replace(/:(\w+)/g, (_, name: string) => params[name]);
      const body = bodyFor([...(access.owners ?? []), ...(access.jurisdiction ?? [])]);
      for (const [name, principal] of Object.entries(PRINCIPALS)) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (principal) headers.authorization = `Bearer ${tokens[name]}`;
        const response = await fetch(`${service.url}${url}`, {
          method: route.method,
          headers,
          body: route.method === 'GET' || route.method === 'DELETE' ? undefined : JSON.stringify(body),
          redirect: 'manual',
        });
        await response.arrayBuffer();
        // No order x1 exists: the guard leaves an unknown order to the handler (404), whoever asks.
        const resources = resourcesOf(access, { params, body, query: {} }).map((r) =>
          access.order && principal?.role === 'enterprise' ? { ...r, owners: [principal.memberId] } : r,
        );
        const decisions = resources.map((r) => authorize(principal, access.action, r));
        const refused = decisions.find((d) => !d.allowed);
        const ok = refused
          ? response.status === (refused.allowed ? 0 : refused.status)
          : response.status !== 401 && response.status !== 403 && response.status < 500;
        if (!ok)
          mismatches.push(
            `${route.method} ${url} as ${name}: ${response.status}, expected ${refused && !refused.allowed ? refused.status : 'through'}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);

  // The same policy, spelled out for the cases the issue names (not computed from the table).
  const call = async (method: string, path: string, who: string | undefined, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
    };
  };

  it('refuses a member’s data without credentials (401), leaves public market data open', async () => {
    expect((await call('GET', `/members/${FIRM}/positions`, undefined)).status).toBe(401);
    expect((await call('POST', '/orders', undefined, { account: FIRM })).body).toMatchObject({
      statusCode: 401,
      code: 'AUTH.UNAUTHENTICATED',
    });
    expect((await call('GET', '/instruments', undefined)).status).toBe(200);
    expect((await call('GET', '/trades', undefined)).status).toBe(200);
  });

  it('lets an enterprise see and trade only for itself', async () => {
    expect((await call('GET', `/members/${FIRM}/positions`, 'enterprise')).status).not.toBe(403);
    const foreign = await call('GET', '/members/sc-power-001/positions', 'enterprise');
    expect(foreign).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(foreign.body.message).toBe('member.read: sc-power-001 is not yours');
    expect((await call('POST', '/orders', 'enterprise', { account: 'sc-power-001' })).status).toBe(403);
    expect(
      (await call('POST', '/registries/CQ/transfers', 'enterprise', { from: 'sc-power-001' })).status,
    ).toBe(403);
  });

  it("refuses a Chongqing regulator Sichuan's registry and Sichuan's key of a joint decision", async () => {
    expect((await call('POST', '/registries/SC/issuances', 'regulator CQ', {})).body.message).toBe(
      'registry.administer: a CQ regulator cannot act for SC',
    );
    expect(
      (await call('POST', '/market-mode/decisions/1/approvals', 'regulator CQ', { jurisdiction: 'SC' }))
        .status,
    ).toBe(403);
    expect(
      (await call('POST', '/pricing-standards/1/approvals', 'regulator CQ', { province: 'SC' })).status,
    ).toBe(403);
    // Nor signs as Sichuan's regulator.
    expect(
      (await call('POST', '/pricing-standards', 'regulator CQ', { regulator: 'SC-DEE' })).body,
    ).toMatchObject({
      statusCode: 403,
      message: 'market.rules: a CQ regulator cannot act for SC',
    });
    // Nor in any other name than its own.
    expect(
      (await call('POST', '/pricing-standards', 'regulator CQ', { regulator: 'regulator-sc' })).body,
    ).toMatchObject({
      statusCode: 403,
      message:
        'regulator: signed in as regulator-cq, the body names regulator-sc; leave it out or name yourself',
    });
    // Nobody holds both keys: not even the administrator approves a joint decision.
    expect(
      (await call('POST', '/recognition/agreements/1/approvals', 'admin', { jurisdiction: 'CQ' })).status,
    ).toBe(403);
  });

  it("takes both provinces' keys for the whole market's instrument (CCER), one for a province's own", async () => {
    const decision = { decisionId: 'matrix-ccer', effectiveFrom: '2099-01-04', changes: { bandBp: 800 } };
    const decide = (symbol: string, who: string, body: object = decision) =>
      call('POST', `/instruments/${symbol}/decisions`, who, body);
    // Nobody but a regulator holds a key.
    for (const who of ['admin', 'enterprise', 'verifier'])
      expect((await decide('CCER', who)).status).toBe(403);
    expect(await decide('CCER', 'regulator CQ')).toMatchObject({
      status: 201,
      body: { status: 'proposed', approvals: { CQ: 'regulator-cq' }, awaiting: ['SC'] },
    });
    // Chongqing's key twice is still one key.
    expect((await decide('CCER', 'regulator CQ')).body).toMatchObject({
      status: 'proposed',
      awaiting: ['SC'],
    });
    expect((await call('GET', '/instruments/CCER/decisions', undefined)).body).toEqual([]);
    // Sichuan's key on another content does not make it take effect.
    expect(
      (await decide('CCER', 'regulator SC', { ...decision, changes: { bandBp: 900 } })).body,
    ).toMatchObject({ code: 'INSTRUMENTS.DECISION_ID_CONFLICT' });
    expect(await decide('CCER', 'regulator SC')).toMatchObject({
      status: 201,
      body: {
        status: 'adopted',
        approvals: { CQ: 'regulator-cq', SC: 'regulator-sc' },
        decision: { regulator: 'regulator-sc' },
      },
    });
    expect((await call('GET', '/instruments/CCER/decisions', undefined)).body).toEqual([
      expect.objectContaining({
        decisionId: 'matrix-ccer',
        approvals: { CQ: 'regulator-cq', SC: 'regulator-sc' },
      }),
    ]);
    // A province's own instrument: its regulator's one key, the other province's none.
    const own = { decisionId: 'matrix-cq', effectiveFrom: '2099-01-04', changes: { bandBp: 800 } };
    expect((await decide('CQEA-2025', 'regulator SC', own)).status).toBe(403);
    expect((await decide('CQEA-2025', 'regulator CQ', own)).body).toMatchObject({
      status: 'adopted',
      decision: { regulator: 'regulator-cq' },
    });
  });

  it("takes a registry command's actor from the sign-in: left out, filled in; naming another, 403", async () => {
    const open = (who: string, body: Record<string, unknown>) =>
      call('POST', '/registries/CQ/accounts', who, {
        accountType: 'ENTERPRISE_HOLDING',
        ...body,
      });
    expect(
      await open('regulator CQ', {
        commandId: 'matrix-actor-1',
        accountId: 'matrix-a1',
        actor: 'regulator-sc',
      }),
    ).toMatchObject({
      status: 403,
      body: {
        code: 'AUTH.FORBIDDEN',
        message:
          'actor: signed in as regulator-cq, the body names regulator-sc; leave it out or name yourself',
      },
    });
    expect(
      (await open('admin', { commandId: 'matrix-actor-2', accountId: 'matrix-a2', actor: 'x' })).status,
    ).toBe(403);
    // Its own id, or its province's regulator body, or nothing at all.
    for (const [n, actor] of [
      [3, 'regulator-cq'],
      [4, 'CQ-EEB'],
      [5, undefined],
    ] as const)
      expect(
        (await open('regulator CQ', { commandId: `matrix-actor-${n}`, accountId: `matrix-a${n}`, actor }))
          .status,
      ).toBe(201);
    // An enterprise's own command, naming another enterprise as the actor.
    expect(
      (
        await call('POST', '/registries/CQ/transfers', 'enterprise', {
          commandId: 'matrix-actor-6',
          actor: 'sc-power-001',
          from: FIRM,
          to: 'matrix-a3',
          quantity: 1,
          kind: 'CARBON_ALLOWANCE',
        })
      ).body,
    ).toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('actor: signed in as cq-steel-001'),
    });
  });

  it("lets only the side's regulator decide a cross-province transfer, and its parties read it", async () => {
    // A CQ → SC transfer of SO2 rights from the enterprise (cq-steel-001) to sc-power-001.
    const ok = async (who: string, path: string, body: unknown) =>
      expect((await call('POST', path, who, body)).status).toBe(201);
    // The demo accounts may exist already (409).
    for (const [j, id, who] of [
      ['CQ', FIRM, 'regulator CQ'],
      ['SC', 'sc-power-001', 'regulator SC'],
    ] as const) {
      const opened = await call('POST', `/registries/${j}/accounts`, who, {
        commandId: `matrix-open-${id}`,
        accountId: id,
        accountType: 'ENTERPRISE_HOLDING',
      });
      expect([201, 409]).toContain(opened.status);
    }
    await ok('regulator CQ', '/registries/CQ/issuances', {
      commandId: 'matrix-so2',
      accountId: FIRM,
      kind: 'POLLUTANT_SO2',
      vintage: 2025,
      quantity: 10,
    });
    await ok('enterprise', '/cross-province-transfers', {
      commandId: 'matrix-xp',
      actor: FIRM,
      transferId: 'matrix-xp',
      from: 'CQ',
      sellerAccountId: FIRM,
      to: 'SC',
      buyerAccountId: 'sc-power-001',
      kind: 'POLLUTANT_SO2',
      vintage: 2025,
      quantity: 4,
      priceFen: 100,
      approvalWindowHours: 72,
    });
    const decide = (side: string, who: string, body: Record<string, unknown> = {}) =>
      call('POST', `/cross-province-transfers/matrix-xp/${side}-decision`, who, {
        commandId: `matrix-${side}-${who.replace(/ /g, '-')}`,
        decision: 'approve',
        ...body,
      });
    expect(await decide('outflow', 'regulator SC')).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN', message: 'registry.decide: a SC regulator cannot act for CQ' },
    });
    expect(await decide('inflow', 'regulator CQ')).toMatchObject({
      status: 403,
      body: { message: 'registry.decide: a CQ regulator cannot act for SC' },
    });
    for (const who of ['admin', 'enterprise', 'verifier'])
      expect((await decide('outflow', who)).status).toBe(403);
    // Each side by its own regulator, signed as who signed in (the body names no regulator).
    const outflow = await decide('outflow', 'regulator CQ');
    expect(outflow).toMatchObject({ status: 201, body: { outflow: { regulator: 'regulator-cq' } } });
    expect(await decide('inflow', 'regulator SC', { regulator: 'SC-DEE' })).toMatchObject({
      status: 201,
      body: { status: 'completed', inflow: { regulator: 'regulator-sc' } },
    });
    // Read by the seller, the buyer, both provinces' regulators, a verifier and an administrator.
    const { secret } = service.app.get<AuthSettings>(AUTH_SETTINGS);
    tokens.stranger = signAccessToken(
      { role: 'enterprise', id: 'cq-paper-001', memberId: 'cq-paper-001', accountIds: ['cq-paper-001'] },
      secret,
      3600,
      Date.now(),
    );
    const read = (who: string | undefined) => call('GET', '/cross-province-transfers/matrix-xp', who);
    for (const who of ['enterprise', 'other enterprise', 'regulator CQ', 'regulator SC', 'verifier', 'admin'])
      expect([who, (await read(who)).status]).toEqual([who, 200]);
    expect(await read('stranger')).toMatchObject({
      status: 403,
      body: { message: `registry.read: ${FIRM}, sc-power-001 is not yours` },
    });
    expect((await read('researcher')).status).toBe(403);
    expect((await read(undefined)).status).toBe(401);
  });

  it('refuses a forged or expired token with 401', async () => {
    const forged = signAccessToken(
      PRINCIPALS.admin!,
      'another secret of at least 32 chars',
      3600,
      Date.now(),
    );
    const { secret } = service.app.get<AuthSettings>(AUTH_SETTINGS);
    const expired = signAccessToken(PRINCIPALS.admin!, secret, 60, Date.now() - 120_000);
    for (const token of [forged, expired, 'garbage'])
      expect(
        (await fetch(`${service.url}/surveillance/market`, { headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(401);
  });

  it('lets an enterprise read and cancel its own orders only', async () => {
    const admin = bearerFor(TEST_ADMIN, service);
    setRequestHeaders(() => admin);
    await fundMember(service.url, FIRM, { cash: 1_000_000_000, jurisdiction: 'CQ' });
    authenticateAs(PRINCIPALS.enterprise!, service);
    const placed = await postJson(`${service.url}/orders`, {
      instrument: 'CCER',
      account: FIRM,
      side: 'buy',
      price: 8000,
      qty: 1,
    });
    expect(placed.status).toBe(202);
    const orderId = placed.body.orderId as string;
    // Owned from its entry on, before the worker or the views have seen it.
    expect((await call('GET', `/orders/${orderId}`, 'other enterprise')).body).toMatchObject({
      statusCode: 403,
      message: `order.read: ${FIRM} is not yours`,
    });
    expect((await call('DELETE', `/orders/${orderId}`, 'other enterprise')).status).toBe(403);
    expect((await call('GET', `/orders/${orderId}`, 'enterprise')).status).toBe(200);
    expect((await call('DELETE', `/orders/${orderId}`, 'enterprise')).status).toBe(202);
    setRequestHeaders(() => ({}));
  });
});
