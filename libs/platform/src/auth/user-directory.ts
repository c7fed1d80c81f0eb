import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '@app/domain';
import type { DataSource } from 'typeorm';
import { isPrincipal } from '@app/domain';
import { hashSecret, verifySecret } from './passwords';
import { revokeTokensOf, TokenRevocations } from './token-revocations';

export interface ApiKeyView {
  id: string;
  createdAt: string;
}

export interface UserView {
  username: string;
  principal: Principal;
  /** A demo user of the sandbox: signs in through demo sign-in only, never with a password. */
  demo: boolean;
  hasPassword: boolean;
  createdAt: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();
const API_KEY = /^cce_([0-9a-f]{16})_([A-Za-z0-9_-]{32})$/;
const iso = (value: Date | string): string => new Date(value).toISOString();

/**
 * The users and API keys every service process on the database shares (`auth_users`,
 * `auth_api_keys`, see `auth-schema.migration.ts` and docs/security.md). The administrator comes
 * from the environment (upserted at boot), other users from `POST /auth/users`, demo users from the
 * sandbox. Nothing is cached: an API key is looked up by its primary key on each request, so a
 * revocation holds at once in every process. A change of a user's access, a password reset and a
 * removal also revoke the user's access tokens signed before it ({@link TokenRevocations}).
 */
export class UserDirectory {
  /** Demo sign-in is this process's choice (the sandbox's), not the database's: a gateway sharing
   * the sandbox's database never signs demo users in. */
  private demoMode = false;
  private decoyHashOnce?: Promise<string>;
  /** Which signed tokens no longer count: checked by the access guard. */
  readonly revocations: TokenRevocations;

  constructor(private readonly db: DataSource) {
    this.revocations = new TokenRevocations(db);
  }

  /** A real argon2id hash of a random secret, verified against when the username is unknown. */
  private get decoyHash(): Promise<string> {
    this.decoyHashOnce ??= hashSecret(randomBytes(16).toString('base64url'));
    return this.decoyHashOnce;
  }

  /** Creates or replaces a password user (the administrator from the environment, at each boot). */
  async upsertUser(principal: Principal, password: string): Promise<void> {
    await this.db.query(
      `INSERT INTO auth_users (id, principal, password_hash, demo) VALUES ($1, $2, $3, false)
       ON CONFLICT (id) DO UPDATE
         SET principal = EXCLUDED.principal, password_hash = EXCLUDED.password_hash, demo = false`,
      [principal.id, JSON.stringify(principal), await hashSecret(password)],
    );
  }

  /** A new password user; false when the username is taken. */
  async createUser(principal: Principal, password: string): Promise<boolean> {
    const created: { id: string }[] = await this.db.query(
      `INSERT INTO auth_users (id, principal, password_hash, demo) VALUES ($1, $2, $3, false)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [principal.id, JSON.stringify(principal), await hashSecret(password)],
    );
    return created.length === 1;
  }

  /**
   * Registers demo users (no password) and turns demo sign-in on in this process. A username already
   * held by a password user keeps its password and principal.
   */
  async addDemoUsers(principals: readonly Principal[]): Promise<void> {
    this.demoMode = true;
    if (principals.length === 0) return;
    await this.db.query(
      `INSERT INTO auth_users (id, principal, password_hash, demo)
       SELECT p->>'id', p, NULL, true FROM jsonb_array_elements($1::jsonb) AS p
       ON CONFLICT (id) DO UPDATE SET principal = EXCLUDED.principal WHERE auth_users.demo`,
      [JSON.stringify(principals)],
    );
  }

  get demoEnabled(): boolean {
    return this.demoMode;
  }

  async listUsers(): Promise<UserView[]> {
    const rows: {
      id: string;
      principal: Principal;
      demo: boolean;
      has_password: boolean;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT id, principal, demo, password_hash IS NOT NULL AS has_password, created_at
       FROM auth_users ORDER BY created_at, id`,
    );
    return rows.map((r) => ({
      username: r.id,
      principal: r.principal,
      demo: r.demo,
      hasPassword: r.has_password,
      createdAt: iso(r.created_at),
    }));
  }

  async signIn(username: string, password: string): Promise<Principal | undefined> {
    const user = await this.passwordUser(username, password);
    return user && isPrincipal(user.principal) ? user.principal : undefined;
  }

  /** The password user `username` if `password` is its password. */
  private async passwordUser(
    username: string,
    password: string,
  ): Promise<{ principal: unknown; password_hash: string } | undefined> {
    const [user] = await this.userRows(username);
    // Hash anyway when the user is unknown (or has no password), so timing does not tell which usernames exist.
    const stored = user?.password_hash ?? (await this.decoyHash);
    const ok = await verifySecret(password, stored);
    return ok && user?.password_hash
      ? { principal: user.principal, password_hash: user.password_hash }
      : undefined;
  }

  async demoUser(username: string): Promise<Principal | undefined> {
    if (!this.demoMode) return undefined;
    const [user] = await this.userRows(username);
    return user?.demo && isPrincipal(user.principal) ? user.principal : undefined;
  }

  /**
   * A password user's own change: the new password only if the current one is right. False for a
   * wrong password, an unknown user or one without a password (a demo user), not told apart.
   */
  async changePassword(username: string, current: string, next: string): Promise<boolean> {
    const user = await this.passwordUser(username, current);
    if (!user) return false;
    // Only if no other change came in between: a concurrent change or reset wins, this one is refused.
    const [, affected]: [unknown[], number] = await this.db.query(
      `UPDATE auth_users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`,
      [username, user.password_hash, await hashSecret(next)],
    );
    return affected === 1;
  }

  /**
   * An administrator's reset: the user signs in with this password from now on (a demo user
   * becomes a password user), and its tokens signed before `now` stop counting. False when there
   * is no such user.
   */
  async setPassword(username: string, password: string, now: Date): Promise<boolean> {
    const [row]: { reset: number }[] = await this.db.query(
      `WITH reset AS (UPDATE auth_users SET password_hash = $2, demo = false WHERE id = $1 RETURNING id),
            revoked AS (${revokeTokensOf('reset', '$3::bigint')})
       SELECT count(*)::int AS reset FROM reset`,
      [username, await hashSecret(password), now.getTime()],
    );
    return this.revokedIf(row.reset === 1, username, now);
  }

  /**
   * Replaces what a user may do (its principal) and, in the same statement, the principal of each
   * of its API keys not revoked, so a key never acts with more or less than its user. Its tokens
   * signed before `now` stop counting: the user signs in again to act with the new principal.
   * False when there is no such user.
   */
  async setAccess(principal: Principal, now: Date): Promise<boolean> {
    // A data-modifying WITH runs whether or not the outer query reads it.
    const [row]: { changed: number }[] = await this.db.query(
      `WITH changed AS (UPDATE auth_users SET principal = $2 WHERE id = $1 RETURNING id),
            keys AS (UPDATE auth_api_keys SET principal = $2
                      WHERE user_id IN (SELECT id FROM changed) AND revoked_at IS NULL RETURNING id),
            revoked AS (${revokeTokensOf('changed', '$3::bigint')})
       SELECT count(*)::int AS changed FROM changed`,
      [principal.id, JSON.stringify(principal), now.getTime()],
    );
    return this.revokedIf(row.changed === 1, principal.id, now);
  }

  /**
   * Removes a user and, in the same statement, revokes every API key it has (stamped, kept for
   * audit) and its tokens signed before `now`. False when there is no such user.
   */
  async removeUser(username: string, now: Date): Promise<boolean> {
    const [row]: { removed: number }[] = await this.db.query(
      `WITH gone AS (DELETE FROM auth_users WHERE id = $1 RETURNING id),
            keys AS (UPDATE auth_api_keys SET revoked_at = $2
                      WHERE user_id IN (SELECT id FROM gone) AND revoked_at IS NULL RETURNING id),
            revoked AS (${revokeTokensOf('gone', '$3::bigint')})
       SELECT count(*)::int AS removed FROM gone`,
      [username, now, now.getTime()],
    );
    return this.revokedIf(row.removed === 1, username, now);
  }

  /** After a committed change that revoked `subject`'s tokens: it holds in this process at once. */
  private revokedIf(changed: boolean, subject: string, now: Date): boolean {
    if (changed) this.revocations.noted(subject, now.getTime());
    return changed;
  }

  /** A new key for `principal`, returned once: `cce_<id>_<secret>`. */
  async createApiKey(
    principal: Principal,
    now: Date,
  ): Promise<{ id: string; key: string; createdAt: string }> {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(24).toString('base64url');
    await this.db.query(
      `INSERT INTO auth_api_keys (id, user_id, secret_hash, principal, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [id, principal.id, sha256(secret), JSON.stringify(principal), now],
    );
    return { id, key: `cce_${id}_${secret}`, createdAt: now.toISOString() };
  }

  /** The principal's keys not revoked, oldest first. */
  async listApiKeys(principal: Principal): Promise<ApiKeyView[]> {
    const rows: { id: string; created_at: Date }[] = await this.db.query(
      `SELECT id, created_at FROM auth_api_keys WHERE user_id = $1 AND revoked_at IS NULL
       ORDER BY created_at, id`,
      [principal.id],
    );
    return rows.map((r) => ({ id: r.id, createdAt: iso(r.created_at) }));
  }

  /** Stamps the key revoked (the row stays, for audit); false when the principal has no such active key. */
  async revokeApiKey(principal: Principal, id: string, now: Date): Promise<boolean> {
    // TypeORM's postgres driver answers an UPDATE with [rows, affected].
    const [, affected]: [unknown[], number] = await this.db.query(
      `UPDATE auth_api_keys SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, principal.id, now],
    );
    return affected === 1;
  }

  async principalForApiKey(key: string): Promise<{ principal: Principal; apiKeyId: string } | undefined> {
    const match = API_KEY.exec(key);
    if (!match) return undefined;
    const [record]: { secret_hash: Buffer; principal: unknown }[] = await this.db.query(
      `SELECT secret_hash, principal FROM auth_api_keys WHERE id = $1 AND revoked_at IS NULL`,
      [match[1]],
    );
    if (!record || !isPrincipal(record.principal)) return undefined;
    const given = sha256(match[2]);
    const stored = Buffer.from(record.secret_hash);
    return stored.length === given.length && timingSafeEqual(given, stored)
      ? { principal: record.principal, apiKeyId: match[1] }
      : undefined;
  }

  private userRows(
    username: string,
  ): Promise<{ principal: unknown; password_hash: string | null; demo: boolean }[]> {
    return this.db.query(`SELECT principal, password_hash, demo FROM auth_users WHERE id = $1`, [username]);
  }
}
