import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '@app/domain';
import { hashSecret, verifySecret } from './passwords';

interface UserRecord {
  principal: Principal;
  /** Absent for demo users: they sign in only through demo sign-in, never with a password. */
  passwordHash?: string;
  demo: boolean;
}

interface ApiKeyRecord {
  id: string;
  /** SHA-256 of the key's secret part: keys are long random strings, so a fast hash suffices. */
  secretHash: Buffer;
  principal: Principal;
  createdAt: string;
}

export interface ApiKeyView {
  id: string;
  createdAt: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The users and API keys a service knows. Users come from the environment (the administrator) and,
 * in the sandbox, from the demo seeds; they live in memory for the process's life (see docs/security.md).
 */
export class UserDirectory {
  private readonly users = new Map<string, UserRecord>();
  private readonly apiKeys = new Map<string, ApiKeyRecord>();
  private decoyHashOnce?: Promise<string>;

  /** A real argon2id hash of a random secret, verified against when the username is unknown. */
  private get decoyHash(): Promise<string> {
    this.decoyHashOnce ??= hashSecret(randomBytes(16).toString('base64url'));
    return this.decoyHashOnce;
  }

  async addUser(principal: Principal, password: string): Promise<void> {
    this.users.set(principal.id, { principal, passwordHash: await hashSecret(password), demo: false });
  }

  addDemoUser(principal: Principal): void {
    this.users.set(principal.id, { principal, demo: true });
  }

  get demoEnabled(): boolean {
    return [...this.users.values()].some((u) => u.demo);
  }

  async signIn(username: string, password: string): Promise<Principal | undefined> {
    const user = this.users.get(username);
    // Hash anyway when the user is unknown, so timing does not tell which usernames exist.
    const stored = user?.passwordHash ?? (await this.decoyHash);
    const ok = await verifySecret(password, stored);
    return ok && user?.passwordHash ? user.principal : undefined;
  }

  demoUser(username: string): Principal | undefined {
    const user = this.users.get(username);
    return user?.demo ? user.principal : undefined;
  }

  /** A new key for `principal`, returned once: `cce_<id>_<secret>`. */
  createApiKey(principal: Principal, now: Date): { id: string; key: string; createdAt: string } {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(24).toString('base64url');
    const createdAt = now.toISOString();
    this.apiKeys.set(id, { id, secretHash: sha256(secret), principal, createdAt });
    return { id, key: `cce_${id}_${secret}`, createdAt };
  }

  listApiKeys(principal: Principal): ApiKeyView[] {
    return [...this.apiKeys.values()]
      .filter((k) => k.principal.id === principal.id)
      .map(({ id, createdAt }) => ({ id, createdAt }));
  }

  revokeApiKey(principal: Principal, id: string): boolean {
    const key = this.apiKeys.get(id);
    if (!key || key.principal.id !== principal.id) return false;
    return this.apiKeys.delete(id);
  }

  principalForApiKey(key: string): { principal: Principal; apiKeyId: string } | undefined {
    const match = /^cce_([0-9a-f]{16})_([A-Za-z0-9_-]{32})$/.exec(key);
    const record = match ? this.apiKeys.get(match[1]) : undefined;
    if (!match || !record) return undefined;
    return timingSafeEqual(sha256(match[2]), record.secretHash)
      ? { principal: record.principal, apiKeyId: record.id }
      : undefined;
  }
}
