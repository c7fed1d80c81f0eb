import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { parseAppConfig, type RunningService, startService } from '@app/platform';
import { type TestDatabase } from '@app/platform/testing';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { bearerFor } from './support/auth';
import { eventually } from './support/http';
import { ServiceProcesses, processEnvironment } from './support/service-processes';
import { withoutTestCredentials } from './support/test-credentials';

// Anonymous requests stay anonymous here: this file brings its own credentials.
withoutTestCredentials();

const send = async (
  url: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

const signIn = async (url: string, username: string, password: string) =>
  send(url, 'POST', '/auth/sign-in', {}, { username, password });

const FIRM = {
  username: 'cq-cement-042',
  password: 'the cement works passphrase',
  role: 'enterprise',
  memberId: 'cq-cement-042',
  province: 'CQ',
};

/**
 * Users and API keys live in PostgreSQL (docs/security.md): the gateway and the registry, separate
 * processes (built by `npm run build:server`), share them, and they survive a restart.
 */
describe('users and API keys shared by the gateway and the registry processes, across a restart', () => {
  let db: TestDatabase;
  const processes = new ServiceProcesses();
  let gateway: { url: string; child: ChildProcess };
  let registryUrl = '';
  let adminToken = '';
  let env: Record<string, string>;

  const stop = (child: ChildProcess) =>
    new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null
        ? resolve(null)
        : (child.once('exit', resolve), child.kill('SIGTERM')),
    );

  beforeAll(async () => {
    const made = await processEnvironment('auth');
    db = made.db;
    env = {
      ...made.env,
      AUTH_ENFORCE: 'on',
      ADMIN_USERNAME: 'ops-admin',
      ADMIN_PASSWORD: 'the first admin passphrase',
    };
    // Both at once on a fresh database: the auth tables are migrated under the shared lock.
    const [started, registry] = await Promise.all([
      processes.start('gateway', env),
      processes.start('registry', env),
    ]);
    gateway = started;
    registryUrl = registry.url;
    const admin = await signIn(gateway.url, 'ops-admin', env.ADMIN_PASSWORD);
    expect(admin.status).toBe(200);
    adminToken = admin.body.token;
  }, 90_000);

  afterAll(async () => {
    await processes.stopAll();
    await db?.drop();
  });

  const asAdmin = () => ({ authorization: `Bearer ${adminToken}` });

  it('lets an administrator create a user in one process, who signs in with its password in the other', async () => {
    const created = await send(registryUrl, 'POST', '/auth/users', asAdmin(), FIRM);
    expect(created).toMatchObject({
      status: 201,
      body: {
        username: FIRM.username,
        principal: {
          role: 'enterprise',
          id: FIRM.username,
          memberId: FIRM.memberId,
          accountIds: [FIRM.memberId],
          province: 'CQ',
        },
      },
    });
    const signedIn = await signIn(gateway.url, FIRM.username, FIRM.password);
    expect(signedIn).toMatchObject({ status: 200, body: { principal: created.body.principal } });
    expect((await signIn(gateway.url, FIRM.username, 'not the passphrase')).status).toBe(401);

    // Taken username: 409, in either process.
    expect(await send(gateway.url, 'POST', '/auth/users', asAdmin(), FIRM)).toMatchObject({
      status: 409,
      body: { code: 'AUTH.DUPLICATE_USER', field: 'username' },
    });
    const listed = await send(gateway.url, 'GET', '/auth/users', asAdmin());
    expect(listed.status).toBe(200);
    expect(listed.body.map((u: { username: string }) => u.username)).toEqual(['ops-admin', FIRM.username]);
    expect(listed.body[1]).toMatchObject({ demo: false, hasPassword: true });
    expect(JSON.stringify(listed.body)).not.toContain('argon2');
  });

  it('refuses bad input naming the field (400), and anyone but an administrator (401/403)', async () => {
    const bad = (body: unknown) => send(gateway.url, 'POST', '/auth/users', asAdmin(), body);
    expect(await bad({ ...FIRM, username: 'x2', password: 'short' })).toMatchObject({
      status: 400,
      body: { code: 'AUTH.BAD_USER', field: 'password' },
    });
    expect(await bad({ username: 'sc-dee-9', password: FIRM.password, role: 'regulator' })).toMatchObject({
      status: 400,
      body: { field: 'province' },
    });
    expect(await bad({ ...FIRM, username: 'x3', role: 'owner' })).toMatchObject({
      status: 400,
      body: { field: 'role' },
    });
    expect(await bad({ ...FIRM, username: 'x4', superuser: true })).toMatchObject({
      status: 400,
      body: { field: 'superuser' },
    });

    const firm = (await signIn(gateway.url, FIRM.username, FIRM.password)).body.token as string;
    const asFirm = { authorization: `Bearer ${firm}` };
    const other = { ...FIRM, username: 'x5', role: 'admin', memberId: undefined, province: undefined };
    expect((await send(registryUrl, 'POST', '/auth/users', asFirm, other)).status).toBe(403);
    expect((await send(gateway.url, 'GET', '/auth/users', asFirm)).status).toBe(403);
    const regulator = bearerFor({ role: 'regulator', id: 'regulator-cq', province: 'CQ' });
    expect((await send(gateway.url, 'POST', '/auth/users', regulator, other)).status).toBe(403);
    expect((await send(gateway.url, 'POST', '/auth/users', {}, other)).status).toBe(401);
    // Nothing was created by any of these.
    const users = await send(gateway.url, 'GET', '/auth/users', asAdmin());
    expect(users.body).toHaveLength(2);
  });

  it('authenticates an API key made in one process in the other, after a restart, until revoked (at once)', async () => {
    const firm = (await signIn(registryUrl, FIRM.username, FIRM.password)).body.token as string;
    const created = await send(gateway.url, 'POST', '/auth/api-keys', { authorization: `Bearer ${firm}` });
    expect(created.status).toBe(201);
    const { id, key } = created.body as { id: string; key: string };
    const me = (url: string) => send(url, 'GET', '/auth/me', { 'x-api-key': key });
    expect(await me(registryUrl)).toMatchObject({
      status: 200,
      body: { id: FIRM.username, memberId: FIRM.memberId },
    });
    expect(
      await send(registryUrl, 'GET', '/auth/api-keys', { authorization: `Bearer ${firm}` }),
    ).toMatchObject({
      status: 200,
      body: [{ id }],
    });

    // The gateway restarts, its administrator's password changed in the environment.
    const port = Number(new URL(gateway.url).port);
    await stop(gateway.child);
    gateway = await processes.start(
      'gateway',
      { ...env, ADMIN_PASSWORD: 'the second admin passphrase' },
      port,
    );
    expect(await me(gateway.url)).toMatchObject({ status: 200, body: { id: FIRM.username } });
    expect((await signIn(gateway.url, FIRM.username, FIRM.password)).status).toBe(200);
    expect((await signIn(registryUrl, 'ops-admin', 'the first admin passphrase')).status).toBe(401);
    expect((await signIn(registryUrl, 'ops-admin', 'the second admin passphrase')).status).toBe(200);

    // Revoked in the registry: refused by the gateway on the next request.
    expect(
      (await send(registryUrl, 'DELETE', `/auth/api-keys/${id}`, { authorization: `Bearer ${firm}` })).status,
    ).toBe(204);
    expect(await me(gateway.url)).toMatchObject({ status: 401, body: { code: 'AUTH.INVALID_CREDENTIALS' } });
    expect((await me(registryUrl)).status).toBe(401);
    const [row] = await queryDb(db.url, `SELECT revoked_at FROM auth_api_keys WHERE id = $1`, [id]);
    expect(row.revoked_at).toBeInstanceOf(Date);
  }, 60_000);

  it('changes, resets and removes users across the processes; a removed user and its keys are refused', async () => {
    const trader = { ...FIRM, username: 'sc-paper-007', memberId: 'sc-paper-007', province: 'SC' };
    expect((await send(gateway.url, 'POST', '/auth/users', asAdmin(), trader)).status).toBe(201);
    const token = (await signIn(registryUrl, trader.username, trader.password)).body.token as string;
    let asTrader = { authorization: `Bearer ${token}` };
    const me = (url: string, headers: Record<string, string>) => send(url, 'GET', '/auth/me', headers);
    /** Refused (401) in the process that made the change at once, in the other within its 2 s refresh. */
    const refusedEverywhere = async (headers: Record<string, string>, changedIn: string, other: string) => {
      expect(await me(changedIn, headers)).toMatchObject({
        status: 401,
        body: { code: 'AUTH.INVALID_CREDENTIALS' },
      });
      await eventually(async () => ((await me(other, headers)).status === 401 ? true : undefined), 5_000);
    };
    const signInAgain = async (password: string) => {
      const again = await signIn(gateway.url, trader.username, password);
      expect(again.status).toBe(200);
      return { authorization: `Bearer ${again.body.token as string}` };
    };

    // Own change: the current password is required, the new one must be long enough.
    const change = (body: unknown) => send(gateway.url, 'POST', '/auth/password', asTrader, body);
    expect(await change({ currentPassword: 'not it', newPassword: 'a brand new passphrase' })).toMatchObject({
      status: 401,
      body: { code: 'AUTH.BAD_CREDENTIALS', field: 'currentPassword' },
    });
    expect(await change({ currentPassword: trader.password, newPassword: 'short' })).toMatchObject({
      status: 400,
      body: { field: 'newPassword', message: [expect.stringContaining('newPassword')] },
    });
    expect((await signIn(registryUrl, trader.username, trader.password)).status).toBe(200);
    expect(
      (await change({ currentPassword: trader.password, newPassword: 'a brand new passphrase' })).status,
    ).toBe(204);
    expect((await signIn(registryUrl, trader.username, trader.password)).status).toBe(401);
    expect((await signIn(registryUrl, trader.username, 'a brand new passphrase')).status).toBe(200);
    expect((await send(gateway.url, 'POST', '/auth/password', {}, {})).status).toBe(401);

    // An administrator's reset, in the other process; nobody else may.
    const reset = (headers: Record<string, string>, username = trader.username) =>
      send(registryUrl, 'PUT', `/auth/users/${username}/password`, headers, {
        password: 'reset by the desk',
      });
    expect((await reset(asTrader)).status).toBe(403);
    expect(await reset(asAdmin(), 'nobody-at-all')).toMatchObject({
      status: 404,
      body: { code: 'AUTH.UNKNOWN_USER', field: 'username' },
    });
    expect((await me(gateway.url, asTrader)).status).toBe(200);
    expect((await reset(asAdmin())).status).toBe(204);
    // The tokens signed before the reset no longer count; one signed after it does.
    await refusedEverywhere(asTrader, registryUrl, gateway.url);
    asTrader = await signInAgain('reset by the desk');
    expect((await me(registryUrl, asTrader)).status).toBe(200);

    // An administrator changes what the user may do; its API key follows at once, in the other process.
    const { key: keyBefore } = (await send(gateway.url, 'POST', '/auth/api-keys', asTrader)).body as {
      key: string;
    };
    const access = (headers: Record<string, string>, body: unknown, username = trader.username) =>
      send(gateway.url, 'PUT', `/auth/users/${username}`, headers, body);
    const moved = { role: 'enterprise', memberId: 'sc-paper-008', accountIds: ['sc-paper-008', 'sc-acct-2'] };
    expect((await access(asTrader, moved)).status).toBe(403);
    expect(await access(asAdmin(), { role: 'enterprise' })).toMatchObject({
      status: 400,
      body: { code: 'AUTH.BAD_USER', field: 'memberId' },
    });
    expect(await access(asAdmin(), moved, 'nobody-at-all')).toMatchObject({
      status: 404,
      body: { code: 'AUTH.UNKNOWN_USER', field: 'username' },
    });
    expect(await access(asAdmin(), { role: 'researcher' }, 'ops-admin')).toMatchObject({
      status: 409,
      body: { code: 'AUTH.SELF_CHANGE', field: 'username' },
    });
    expect(await access(asAdmin(), moved)).toMatchObject({
      status: 200,
      body: { username: trader.username, principal: { ...moved, id: trader.username } },
    });
    expect(await send(registryUrl, 'GET', '/auth/me', { 'x-api-key': keyBefore })).toMatchObject({
      status: 200,
      body: { memberId: 'sc-paper-008', accountIds: ['sc-paper-008', 'sc-acct-2'] },
    });
    // A token with the old principal no longer counts: the user signs in again to get the new one.
    await refusedEverywhere(asTrader, gateway.url, registryUrl);
    expect((await signIn(registryUrl, trader.username, 'reset by the desk')).body).toMatchObject({
      principal: { memberId: 'sc-paper-008' },
    });
    asTrader = await signInAgain('reset by the desk');
    expect(await me(registryUrl, asTrader)).toMatchObject({
      status: 200,
      body: { memberId: 'sc-paper-008' },
    });

    // Removal revokes its API keys at once, everywhere; the administrator cannot remove itself.
    const { key } = (await send(gateway.url, 'POST', '/auth/api-keys', asTrader)).body as { key: string };
    expect((await send(registryUrl, 'GET', '/auth/me', { 'x-api-key': key })).status).toBe(200);
    expect((await send(gateway.url, 'DELETE', `/auth/users/${trader.username}`, asTrader)).status).toBe(403);
    expect(await send(gateway.url, 'DELETE', '/auth/users/ops-admin', asAdmin())).toMatchObject({
      status: 409,
      body: { code: 'AUTH.SELF_REMOVAL' },
    });
    expect((await send(gateway.url, 'DELETE', `/auth/users/${trader.username}`, asAdmin())).status).toBe(204);
    expect(await send(registryUrl, 'GET', '/auth/me', { 'x-api-key': key })).toMatchObject({
      status: 401,
      body: { code: 'AUTH.INVALID_CREDENTIALS' },
    });
    await refusedEverywhere(asTrader, gateway.url, registryUrl);
    expect((await signIn(registryUrl, trader.username, 'reset by the desk')).status).toBe(401);
    expect((await send(gateway.url, 'DELETE', `/auth/users/${trader.username}`, asAdmin())).status).toBe(404);
    const users = (await send(registryUrl, 'GET', '/auth/users', asAdmin())).body as { username: string }[];
    expect(users.map((u) => u.username)).not.toContain(trader.username);
  }, 60_000);
});

/** The embedded mode (no DATABASE_URL: PGlite) migrates the same tables; with a data directory, keys survive a restart. */
describe('users and API keys in the embedded sandbox (PGlite), across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'auth-pglite-'));
  let service: RunningService | undefined;
  const start = () =>
    startService(
      sandboxService(
        parseAppConfig({
          PORT: '0',
          LOG_LEVEL: 'silent',
          DEMO: 'off',
          AUTH_ENFORCE: 'on',
          PGLITE_DATA_DIR: dataDir,
          ADMIN_USERNAME: 'sandbox-admin',
          ADMIN_PASSWORD: 'the sandbox admin passphrase',
        }),
      ),
    );

  afterAll(async () => {
    await service?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a created user and its API key', async () => {
    service = await start();
    const admin = (await signIn(service.url, 'sandbox-admin', 'the sandbox admin passphrase')).body.token;
    expect(
      (await send(service.url, 'POST', '/auth/users', { authorization: `Bearer ${admin}` }, FIRM)).status,
    ).toBe(201);
    const firm = (await signIn(service.url, FIRM.username, FIRM.password)).body.token;
    const { key } = (await send(service.url, 'POST', '/auth/api-keys', { authorization: `Bearer ${firm}` }))
      .body;
    await service.close();

    service = await start();
    expect(await send(service.url, 'GET', '/auth/me', { 'x-api-key': key })).toMatchObject({
      status: 200,
      body: { id: FIRM.username },
    });
    expect((await signIn(service.url, FIRM.username, FIRM.password)).status).toBe(200);
  }, 120_000);
});

async function queryDb(url: string, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
