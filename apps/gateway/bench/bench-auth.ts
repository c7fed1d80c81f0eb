import { randomBytes } from 'node:crypto';
import { signAccessToken } from '@app/platform';

/** The bench's services sign tokens with this secret (JWT_SECRET in their environment). */
export const BENCH_JWT_SECRET = randomBytes(32).toString('base64url');

/** The bench trades as an administrator: it may act for every bench member (docs/security.md). */
export const benchAuthHeaders = (): Record<string, string> => ({
  authorization: `Bearer ${signAccessToken({ role: 'admin', id: 'bench' }, BENCH_JWT_SECRET, 24 * 3600, Date.now())}`,
});
