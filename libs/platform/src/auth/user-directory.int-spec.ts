import type { Principal } from '@app/domain';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { AUTH_MIGRATIONS } from './auth-schema.migration';
import { UserDirectory } from './user-directory';

const FIRM: Principal = {
  role: 'enterprise',
  id: 'cq-steel-001',
  memberId: 'cq-steel-001',
  accountIds: ['cq-steel-001'],
};
const PASSWORD = 'a password of twelve+';

/** Two directories on one database: what two service processes see. */
describe('UserDirectory on PostgreSQL, shared by every process on the database', () => {
  let db: TestDatabase;
  let other: DataSource;
  let a: UserDirectory;
  let b: UserDirectory;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: AUTH_MIGRATIONS });
    other = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 2 } }).initialize();
    a = new UserDirectory(db.dataSource);
    b = new UserDirectory(other);
  });
  afterAll(async () => {
    await other?.destroy();
    await db?.drop();
  });

  it('authenticates a key made by one process in the other, until revoked there (at once, the row kept)', async () => {
    const { id, key } = await a.createApiKey(FIRM, new Date('2026-01-02T03:04:05Z'));
    expect(key).toMatch(new RegExp(`^cce_${id}_[A-Za-z0-9_-]{32}$`));
    expect(await b.principalForApiKey(key)).toEqual({ principal: FIRM, apiKeyId: id });
    expect(await b.listApiKeys(FIRM)).toEqual([{ id, createdAt: '2026-01-02T03:04:05.000Z' }]);

    // Another principal cannot revoke it; its owner can, in either process.
    expect(await b.revokeApiKey({ ...FIRM, id: 'sc-power-001' }, id, new Date())).toBe(false);
    expect(await b.revokeApiKey(FIRM, id, new Date())).toBe(true);
    expect(await a.principalForApiKey(key)).toBeUndefined();
    expect(await a.listApiKeys(FIRM)).toEqual([]);
    expect(await a.revokeApiKey(FIRM, id, new Date())).toBe(false);
    const [row] = await db.dataSource.query(
      `SELECT revoked_at, secret_hash FROM auth_api_keys WHERE id = $1`,
      [id],
    );
    expect(row.revoked_at).toBeInstanceOf(Date);
    // Only a SHA-256 of the secret is stored.
    expect(Buffer.from(row.secret_hash)).toHaveLength(32);
    expect(JSON.stringify(await db.dataSource.query(`SELECT * FROM auth_api_keys`))).not.toContain(
      key.slice(21),
    );
  });

  it('refuses a key whose secret is wrong, malformed or unknown', async () => {
    const { id, key } = await a.createApiKey(FIRM, new Date());
    const wrongSecret = `cce_${id}_${'A'.repeat(32)}`;
    expect(await b.principalForApiKey(wrongSecret)).toBeUndefined();
    expect(await b.principalForApiKey(`cce_${'0'.repeat(16)}_${key.slice(21)}`)).toBeUndefined();
    expect(await b.principalForApiKey(`${key}x`)).toBeUndefined();
    expect(await b.principalForApiKey(key)).toMatchObject({ apiKeyId: id });
  });

  it('signs a user created in one process in with its password in the other; a taken username is refused', async () => {
    const regulator: Principal = { role: 'regulator', id: 'cq-eeb-2', province: 'CQ' };
    expect(await a.createUser(regulator, PASSWORD)).toBe(true);
    expect(await b.createUser({ role: 'admin', id: 'cq-eeb-2' }, 'another password')).toBe(false);
    expect(await b.signIn('cq-eeb-2', PASSWORD)).toEqual(regulator);
    expect(await b.signIn('cq-eeb-2', 'wrong password')).toBeUndefined();
    expect(await b.signIn('nobody', PASSWORD)).toBeUndefined();
    const [row] = await db.dataSource.query(`SELECT password_hash FROM auth_users WHERE id = 'cq-eeb-2'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await a.listUsers()).toContainEqual(
      expect.objectContaining({ username: 'cq-eeb-2', principal: regulator, demo: false, hasPassword: true }),
    );
  });

  it('re-sets the administrator of the environment at each boot, password included', async () => {
    await a.upsertUser({ role: 'admin', id: 'root' }, 'the first password');
    await b.upsertUser({ role: 'admin', id: 'root' }, 'the second password');
    expect(await a.signIn('root', 'the first password')).toBeUndefined();
    expect(await a.signIn('root', 'the second password')).toEqual({ role: 'admin', id: 'root' });
  });

  it('signs demo users in only where this process turned demo mode on, never with a password', async () => {
    const demo: Principal = { role: 'verifier', id: 'demo-verifier' };
    const sandbox = new UserDirectory(db.dataSource);
    expect(sandbox.demoEnabled).toBe(false);
    await sandbox.addDemoUsers([demo, { role: 'admin', id: 'root' }]);
    expect(sandbox.demoEnabled).toBe(true);
    expect(await sandbox.demoUser('demo-verifier')).toEqual(demo);
    // A process sharing the database without demo mode (a gateway) does not sign demo users in.
    expect(b.demoEnabled).toBe(false);
    expect(await b.demoUser('demo-verifier')).toBeUndefined();
    expect(await sandbox.signIn('demo-verifier', '')).toBeUndefined();
    // A password user keeps its password and is no demo user.
    expect(await sandbox.demoUser('root')).toBeUndefined();
    expect(await sandbox.signIn('root', 'the second password')).toEqual({ role: 'admin', id: 'root' });
  });

  it("changes a user's own password only with the current one, in every process at once", async () => {
    const firm: Principal = {
      ...FIRM,
      id: 'sc-cement-7',
      memberId: 'sc-cement-7',
      accountIds: ['sc-cement-7'],
    };
    await a.createUser(firm, PASSWORD);
    expect(await b.changePassword('sc-cement-7', 'not the password', 'a new password of 12+')).toBe(false);
    expect(await a.signIn('sc-cement-7', PASSWORD)).toEqual(firm);
    expect(await b.changePassword('sc-cement-7', PASSWORD, 'a new password of 12+')).toBe(true);
    expect(await a.signIn('sc-cement-7', PASSWORD)).toBeUndefined();
    expect(await a.signIn('sc-cement-7', 'a new password of 12+')).toEqual(firm);
    // Unknown users and demo users (no password) cannot change one.
    expect(await a.changePassword('nobody', PASSWORD, 'a new password of 12+')).toBe(false);
    await new UserDirectory(db.dataSource).addDemoUsers([{ role: 'researcher', id: 'demo-researcher' }]);
    expect(await a.changePassword('demo-researcher', '', 'a new password of 12+')).toBe(false);
  });

  it("resets a user's password (a demo user becomes a password user); unknown users are not created", async () => {
    await new UserDirectory(db.dataSource).addDemoUsers([{ role: 'researcher', id: 'demo-analyst' }]);
    expect(await a.setPassword('demo-analyst', 'the reset password', new Date())).toBe(true);
    expect(await b.signIn('demo-analyst', 'the reset password')).toEqual({
      role: 'researcher',
      id: 'demo-analyst',
    });
    expect(await a.listUsers()).toContainEqual(
      expect.objectContaining({ username: 'demo-analyst', demo: false, hasPassword: true }),
    );
    expect(await a.setPassword('nobody-here', 'the reset password', new Date())).toBe(false);
    expect(await a.listUsers()).not.toContainEqual(expect.objectContaining({ username: 'nobody-here' }));
  });

  it("replaces a user's access and, with it, its live API keys' (not revoked ones), in every process", async () => {
    const mover: Principal = { ...FIRM, id: 'cq-mover' };
    await a.createUser(mover, PASSWORD);
    const live = await a.createApiKey(mover, new Date());
    const revoked = await a.createApiKey(mover, new Date());
    await a.revokeApiKey(mover, revoked.id, new Date());
    const kept = await a.createApiKey(FIRM, new Date());
    const moved: Principal = {
      role: 'enterprise',
      id: 'cq-mover',
      memberId: 'sc-paper-001',
      accountIds: ['sc-paper-001'],
    };

    expect(await b.setAccess(moved, new Date())).toBe(true);
    expect(await a.signIn('cq-mover', PASSWORD)).toEqual(moved);
    expect(await a.principalForApiKey(live.key)).toEqual({ principal: moved, apiKeyId: live.id });
    expect(await a.principalForApiKey(kept.key)).toEqual({ principal: FIRM, apiKeyId: kept.id });
    const [row]: { principal: Principal }[] = await db.dataSource.query(
      'SELECT principal FROM auth_api_keys WHERE id = $1',
      [revoked.id],
    );
    expect(row.principal).toEqual(mover);
    expect(await a.setAccess({ role: 'admin', id: 'nobody-here' }, new Date())).toBe(false);
    expect(await a.listUsers()).not.toContainEqual(expect.objectContaining({ username: 'nobody-here' }));
  });

  it('removes a user and revokes its API keys together (rows kept); others keep theirs', async () => {
    const leaver: Principal = { ...FIRM, id: 'cq-leaver', memberId: 'cq-steel-001' };
    await a.createUser(leaver, PASSWORD);
    const first = await a.createApiKey(leaver, new Date());
    const second = await a.createApiKey(leaver, new Date());
    const kept = await a.createApiKey(FIRM, new Date());
    const at = new Date('2026-11-25T08:00:00Z');
    expect(await b.removeUser('cq-leaver', at)).toBe(true);
    expect(await a.signIn('cq-leaver', PASSWORD)).toBeUndefined();
    expect(await a.principalForApiKey(first.key)).toBeUndefined();
    expect(await a.principalForApiKey(second.key)).toBeUndefined();
    expect(await a.principalForApiKey(kept.key)).toMatchObject({ apiKeyId: kept.id });
    const rows = await db.dataSource.query(
      `SELECT revoked_at FROM auth_api_keys WHERE user_id = 'cq-leaver'`,
    );
    expect(rows).toEqual([{ revoked_at: at }, { revoked_at: at }]);
    expect(await a.removeUser('cq-leaver', new Date())).toBe(false);
    // The username is free again, for a new user with nothing of the old one's.
    expect(await a.createUser(leaver, 'another password!')).toBe(true);
    expect(await a.listApiKeys(leaver)).toEqual([]);
  });

  it("revokes a user's earlier tokens with each change of access, reset and removal: at once in the process that made it, within the refresh in the other", async () => {
    const desk: Principal = { ...FIRM, id: 'cq-token-desk' };
    await a.createUser(desk, PASSWORD);
    const t0 = Date.now();
    // A fresh process reads the table on its first check; nothing is revoked yet.
    expect(await a.revocations.revoked('cq-token-desk', t0 - 1000, t0)).toBe(false);
    expect(await b.revocations.revoked('cq-token-desk', t0 - 1000, t0)).toBe(false);

    const changedAt = new Date(t0 + 10);
    expect(await a.setAccess({ ...desk, accountIds: ['cq-steel-001', 'cq-steel-002'] }, changedAt)).toBe(
      true,
    );
    // Here at once; a token signed at the change or later still counts.
    expect(await a.revocations.revoked('cq-token-desk', t0, t0 + 20)).toBe(true);
    expect(await a.revocations.revoked('cq-token-desk', t0 + 10, t0 + 20)).toBe(false);
    // The other process still has its copy until it is REVOCATIONS_REFRESH_MS old, then reads it.
    expect(await b.revocations.revoked('cq-token-desk', t0, t0 + 20)).toBe(false);
    expect(await b.revocations.revoked('cq-token-desk', t0, t0 + 2_000)).toBe(true);
    expect(await b.revocations.revoked('FIRM-never-changed', t0, t0 + 2_000)).toBe(false);

    // A later change moves the line on; an earlier one never moves it back.
    expect(await b.setPassword('cq-token-desk', 'a reset password!', new Date(t0 + 500))).toBe(true);
    expect(await b.revocations.revoked('cq-token-desk', t0 + 100, t0 + 2_000)).toBe(true);
    expect(await b.setPassword('cq-token-desk', 'a reset password!', new Date(t0 + 50))).toBe(true);
    expect(await a.revocations.revoked('cq-token-desk', t0 + 400, t0 + 4_000)).toBe(true);
    expect(await a.revocations.revoked('cq-token-desk', t0 + 500, t0 + 4_000)).toBe(false);

    // Removing the user revokes too, and the row outlives the user.
    expect(await a.removeUser('cq-token-desk', new Date(t0 + 900))).toBe(true);
    expect(await b.revocations.revoked('cq-token-desk', t0 + 800, t0 + 6_000)).toBe(true);
    const rows = await db.dataSource.query(
      `SELECT not_before_ms::text AS ms FROM auth_token_revocations WHERE subject = 'cq-token-desk'`,
    );
    expect(rows).toEqual([{ ms: String(t0 + 900) }]);
    // Nothing is revoked for a change that found no user.
    expect(await a.setAccess({ role: 'admin', id: 'nobody-at-all' }, new Date(t0 + 950))).toBe(false);
    expect(await a.revocations.revoked('nobody-at-all', t0, t0 + 8_000)).toBe(false);
  });
});
