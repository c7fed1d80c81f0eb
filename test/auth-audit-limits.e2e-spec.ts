import { parseAppConfig, RunningService, startService, UserDirectory } from '@app/platform';
import { CommandBus } from '@nestjs/cqrs';
import { runWithAuditContext } from '@app/event-store';
import { GatewayModule } from '../apps/gateway/src/gateway.module';
import { PlaceOrder } from '../apps/gateway/src/orders/place-order/place-order.command';
import type { PlaceOrderDto } from '../apps/gateway/src/orders/place-order/place-order.dto';
import { RegistryModule } from '../apps/registry/src/registry.module';
import { TransferUnits } from '../apps/registry/src/transfers/transfer-units/transfer-units.command';
import type { TransferUnitsDto } from '../apps/registry/src/transfers/transfer-units/transfer-units.dto';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { withoutTestCredentials } from './support/test-credentials';
import { bearerFor, testEnterprise, testRegulator, TEST_ADMIN } from './support/auth';
import { setRequestHeaders } from './support/http';
import { fundMember } from './support/members';

const ADMIN_PASSWORD = 'a passphrase for this test only';
const RATE_LIMIT = 40;

// Anonymous requests stay anonymous here: this file brings its own credentials.
withoutTestCredentials();

describe('sign-in, API keys, audit and limits (sandbox, access enforced)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(
      sandboxService(
        parseAppConfig({
          PORT: '0',
          LOG_LEVEL: 'silent',
          AUTH_ENFORCE: 'on',
          ADMIN_USERNAME: 'root-admin',
          ADMIN_PASSWORD,
          RATE_LIMIT: String(RATE_LIMIT),
          RATE_LIMIT_WINDOW_MS: '3600000',
          BODY_LIMIT_BYTES: '4096',
          CORS_ORIGINS: 'https://console.example',
        }),
      ),
    );
    await service.app.get(UserDirectory).addDemoUsers([testEnterprise('cq-steel-001', 'CQ')]);
  }, 60_000);
  afterAll(() => service?.close());

  const send = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  it('signs the environment’s administrator in with its password only', async () => {
    const wrong = await send('POST', '/auth/sign-in', {}, { username: 'root-admin', password: 'nope' });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'AUTH.BAD_CREDENTIALS' } });
    expect((await send('POST', '/auth/sign-in', {}, { username: 'nobody', password: 'x' })).status).toBe(401);
    const signedIn = await send(
      'POST',
      '/auth/sign-in',
      {},
      { username: 'root-admin', password: ADMIN_PASSWORD },
    );
    expect(signedIn).toMatchObject({ status: 200, body: { principal: { role: 'admin', id: 'root-admin' } } });
    const me = await send('GET', '/auth/me', { authorization: `Bearer ${signedIn.body.token}` });
    expect(me.body).toEqual({ role: 'admin', id: 'root-admin' });
  });

  it('signs a demo user in without a password, and nobody else', async () => {
    const demo = await send('POST', '/auth/demo-sign-in', {}, { username: 'cq-steel-001' });
    expect(demo).toMatchObject({
      status: 200,
      body: { principal: { role: 'enterprise', memberId: 'cq-steel-001' } },
    });
    // The administrator is not a demo user: no way in without its password.
    expect((await send('POST', '/auth/demo-sign-in', {}, { username: 'root-admin' })).status).toBe(401);
  });

  it('gives an enterprise an API key shown once, usable for its own data only, until revoked', async () => {
    const firm = bearerFor(testEnterprise('cq-steel-001'), service);
    const created = await send('POST', '/auth/api-keys', firm);
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };
    expect(await send('GET', '/auth/api-keys', firm)).toMatchObject({ status: 200, body: [{ id }] });
    expect(JSON.stringify((await send('GET', '/auth/api-keys', firm)).body)).not.toContain(key);
    const withKey = { 'x-api-key': key };
    expect((await send('GET', '/members/cq-steel-001/positions', withKey)).status).not.toBe(401);
    expect((await send('GET', '/members/cq-steel-001/positions', withKey)).status).not.toBe(403);
    expect((await send('GET', '/members/sc-power-001/positions', withKey)).status).toBe(403);
    // Regulators have no keys; another enterprise cannot revoke this one.
    expect((await send('POST', '/auth/api-keys', bearerFor(testRegulator('CQ'), service))).status).toBe(403);
    expect(
      (await send('DELETE', `/auth/api-keys/${id}`, bearerFor(testEnterprise('sc-power-001'), service)))
        .status,
    ).toBe(404);
    expect((await send('DELETE', `/auth/api-keys/${id}`, firm)).status).toBe(204);
    expect((await send('GET', '/members/cq-steel-001/positions', withKey)).status).toBe(401);
    expect((await send('GET', '/members/cq-steel-001/positions', { 'x-api-key': `${key}x` })).status).toBe(
      401,
    );
  });

  it('records the authenticated actor and origin of each command; regulators list their own province', async () => {
    const admin = bearerFor(TEST_ADMIN, service);
    const body = { commandId: 'audit-open-1', accountId: 'sc-audit-firm', accountType: 'ENTERPRISE_HOLDING' };
    // The actor is the credentials' principal: a body naming someone else is refused, nothing written.
    expect(
      await send('POST', '/registries/SC/accounts', admin, { ...body, actor: 'someone-else' }),
    ).toMatchObject({
      status: 403,
      body: {
        message: 'actor: signed in as test-admin, the body names someone-else; leave it out or name yourself',
      },
    });
    const opened = await send('POST', '/registries/SC/accounts', admin, body);
    expect(opened.status).toBe(201);
    const sc = await send('GET', '/audit?actor=test-admin', bearerFor(testRegulator('SC'), service));
    expect(sc.status).toBe(200);
    expect(sc.body[0]).toMatchObject({
      actor: 'test-admin',
      role: 'admin',
      jurisdiction: 'SC',
      route: 'POST /registries/:jurisdiction/accounts',
      streamId: 'registry-SC',
    });
    expect(sc.body[0].ip).toEqual(expect.any(String));
    expect(new Date(sc.body[0].recordedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Chongqing's regulator does not see Sichuan's entries, even when it asks for them.
    const cq = await send('GET', '/audit?jurisdiction=SC', bearerFor(testRegulator('CQ'), service));
    expect(cq.status).toBe(403);
    const cqOwn = await send('GET', '/audit', bearerFor(testRegulator('CQ'), service));
    expect(cqOwn.body.filter((e: { jurisdiction: string }) => e.jurisdiction === 'SC')).toEqual([]);
    expect((await send('GET', '/audit', bearerFor(testEnterprise('cq-steel-001'), service))).status).toBe(
      403,
    );
    // The administrator sees everything; the registry kept the principal as the command's actor.
    const all = await send('GET', '/audit?type=AccountOpened&limit=5', admin);
    expect(all.body.map((e: { actor: string }) => e.actor)).toContain('test-admin');
  });

  it('answers 413 to a body over the limit, with the security headers and the configured CORS origin', async () => {
    const huge = await send('POST', '/orders', bearerFor(TEST_ADMIN, service), { pad: 'x'.repeat(10_000) });
    expect(huge.status).toBe(413);
    const health = await fetch(`${service.url}/health`, { headers: { origin: 'https://console.example' } });
    expect(health.headers.get('access-control-allow-origin')).toBe('https://console.example');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-powered-by')).toBeNull();
    expect(health.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(health.headers.get('strict-transport-security')).toContain('max-age=');
    expect(health.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const foreign = await fetch(`${service.url}/health`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits each principal to its own budget (429 with Retry-After), others unaffected', async () => {
    const busy = bearerFor(testEnterprise('rate-busy'), service);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 5; i++) statuses.push((await send('GET', '/instruments', busy)).status);
    expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(RATE_LIMIT)).toEqual([429, 429, 429, 429, 429]);
    const limited = await send('GET', '/instruments', busy);
    expect(limited.body).toMatchObject({ code: 'AUTH.RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await send('GET', '/instruments', bearerFor(testEnterprise('rate-calm'), service))).status).toBe(
      200,
    );
  });

  it('re-checks a command in its handler: one dispatched in an enterprise’s name, past HTTP, is refused', async () => {
    const admin = bearerFor(TEST_ADMIN, service);
    const open = (accountId: string) =>
      send('POST', '/registries/CQ/accounts', admin, {
        commandId: `open-${accountId}`,
        accountId,
        accountType: 'ENTERPRISE_HOLDING',
      });
    expect((await open('cq-victim')).status).toBe(201);
    expect((await open('cq-thief')).status).toBe(201);
    const issue = { commandId: 'iss-h', kind: 'CARBON_ALLOWANCE', vintage: 2025, quantity: 5 };
    expect((await send('POST', '/registries/CQ/issuances', admin, issue)).status).toBe(201);
    const give = {
      commandId: 'give-h',
      from: 'CQ-GOVERNMENT',
      to: 'cq-victim',
      quantity: 5,
      kind: 'CARBON_ALLOWANCE',
    };
    expect((await send('POST', '/registries/CQ/transfers', admin, give)).status).toBe(201);
    const thief = testEnterprise('cq-thief');
    const steal = new TransferUnits('CQ', {
      commandId: 'steal-1',
      actor: 'cq-thief',
      from: 'cq-victim',
      to: 'cq-thief',
      quantity: 5,
      kind: 'CARBON_ALLOWANCE',
    } as TransferUnitsDto);
    const bus = service.app.select(RegistryModule).get(CommandBus);
    const context = { actor: 'cq-thief', role: 'enterprise', route: 'queue', at: new Date().toISOString() };
    await expect(
      runWithAuditContext({ ...context, principal: { ...thief } as never }, () => bus.execute(steal)),
    ).rejects.toMatchObject({ code: 'ACCESS.FORBIDDEN' });
    const victim = await send('GET', '/registries/CQ/accounts/cq-victim', admin);
    expect(victim.body.holdings.map((h: { quantity: number }) => h.quantity)).toEqual([5]);
    // The same command in the holder's own name goes through.
    const own = new TransferUnits('CQ', {
      ...steal.body,
      commandId: 'own-1',
      actor: 'cq-victim',
      to: 'cq-thief',
      quantity: 1,
    } as TransferUnitsDto);
    const victimContext = {
      ...context,
      actor: 'cq-victim',
      principal: { ...testEnterprise('cq-victim') } as never,
    };
    await expect(runWithAuditContext(victimContext, () => bus.execute(own))).resolves.toMatchObject({
      commandId: 'own-1',
    });
  });

  it('audits each order under its own request, and refuses an order for another account put on the bus', async () => {
    const admin = bearerFor(TEST_ADMIN, service);
    setRequestHeaders(() => admin);
    await fundMember(service.url, 'cq-trader', { cash: 100_000_000, jurisdiction: 'CQ' });
    setRequestHeaders(() => ({}));
    const order = { instrument: 'CCER', account: 'cq-trader', side: 'buy', price: 8000, qty: 1 };
    const placed = await send('POST', '/orders', bearerFor(testEnterprise('cq-trader'), service), order);
    expect(placed.status).toBe(202);
    const audit = await send('GET', '/audit?actor=cq-trader', admin);
    expect(audit.body.length).toBeGreaterThan(0);
    expect(audit.body[0]).toMatchObject({ role: 'enterprise', route: 'POST /orders' });
    const bus = service.app.select(GatewayModule).get(CommandBus);
    const context = { actor: 'cq-other', role: 'enterprise', route: 'queue', at: new Date().toISOString() };
    await expect(
      runWithAuditContext({ ...context, principal: { ...testEnterprise('cq-other') } as never }, () =>
        bus.execute(new PlaceOrder({ ...order, clientOrderId: 'bus-1' } as PlaceOrderDto)),
      ),
    ).rejects.toMatchObject({ code: 'ACCESS.FORBIDDEN' });
  });
});
