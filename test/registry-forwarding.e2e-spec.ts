import type { ChildProcess } from 'node:child_process';
import { TestDatabase } from '@app/platform/testing';
import { isRegistryPath } from '../apps/gateway/src/registry-forwarding/registry-forwarding';
import { bearerFor, testRegulator } from './support/auth';
import { ServiceProcesses, processEnvironment } from './support/service-processes';

/** Routes every service serves itself from the shared database: the gateway keeps them. */
const SHARED = ['/auth', '/audit', '/health'];

/**
 * The gateway with REGISTRY_URL forwards the registry's routes to the registry process: one origin
 * for the console and clients, as in docker-compose.
 */
describe('the gateway forwards the registry’s routes to the registry service', () => {
  let db: TestDatabase;
  const processes = new ServiceProcesses();
  let gateway = '';
  let registry = '';
  let registryChild: ChildProcess;
  const regulator = bearerFor(testRegulator('CQ'));

  const call = async (base: string, method: string, path: string, headers = {}, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    const made = await processEnvironment('fwd');
    db = made.db;
    const { env } = made;
    const started = await processes.start('registry', env);
    registry = started.url;
    registryChild = started.child;
    gateway = (await processes.start('gateway', { ...env, REGISTRY_URL: registry })).url;
  }, 120_000);

  afterAll(async () => {
    await processes.stopAll();
    await db?.drop();
  });

  it('covers every route of the registry’s OpenAPI document but the shared ones', async () => {
    const { body } = await call(registry, 'GET', '/docs/json');
    const paths = Object.keys((body as { paths: Record<string, unknown> }).paths);
    expect(paths.length).toBeGreaterThan(30);
    const own = paths.filter((p) => !SHARED.some((s) => p === s || p.startsWith(`${s}/`)));
    expect(own.filter((p) => !isRegistryPath(p))).toEqual([]);
  });

  it('answers a registry route through the gateway as the registry does, credentials and request id passed on', async () => {
    const open = await call(
      gateway,
      'POST',
      '/registries/CQ/accounts',
      { ...regulator, 'x-request-id': 'fwd-open-1' },
      { commandId: 'fwd-open-1', accountId: 'cq-forwarded-001', accountType: 'ENTERPRISE_HOLDING' },
    );
    expect(open.status).toBe(201);
    expect(open.headers.get('x-request-id')).toBe('fwd-open-1');
    const direct = await call(registry, 'GET', '/registries/CQ/accounts/cq-forwarded-001', regulator);
    expect(direct.status).toBe(200);
    expect(await call(gateway, 'GET', '/registries/CQ/accounts/cq-forwarded-001', regulator)).toMatchObject({
      status: 200,
      body: direct.body,
    });
    // The registry decides access: a forged token, no account; a bad body is its own 400.
    expect(
      await call(gateway, 'GET', '/registries/CQ/accounts/cq-forwarded-001', {
        authorization: 'Bearer not-a-token',
      }),
    ).toMatchObject({ status: 401 });
    expect(
      await call(gateway, 'POST', '/registries/CQ/accounts', regulator, {
        commandId: 'fwd-bad',
        accountId: 'x',
      }),
    ).toMatchObject({ status: 400, body: { field: 'accountType' } });
    // The gateway's own routes are its own.
    expect((await call(gateway, 'GET', '/instruments')).status).toBe(200);
  });

  it('answers 502 naming the registry while it cannot be reached', async () => {
    await new Promise((resolve) => (registryChild.once('exit', resolve), registryChild.kill('SIGTERM')));
    expect(await call(gateway, 'GET', '/registries/CQ/supply', regulator)).toEqual(
      expect.objectContaining({
        status: 502,
        body: expect.objectContaining({ code: 'GATEWAY.REGISTRY_UNAVAILABLE' }),
      }),
    );
    expect((await call(gateway, 'GET', '/health')).status).toBe(200);
  });
});
