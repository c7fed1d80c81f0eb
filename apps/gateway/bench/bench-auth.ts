import { randomBytes } from 'node:crypto';
import { signAccessToken } from '@app/platform';

/** The bench's services sign tokens with this secret (JWT_SECRET in their environment). */
export const BENCH_JWT_SECRET = randomBytes(32).toString('base64url');

/**
 * The bench trades as an administrator: it may act for every bench member (docs/security.md). A
 * body naming its `actor` (registry funding) is signed as that administrator: the services refuse
 * an actor other than the signed-in principal.
 */
export const benchAuthHeaders = (actor = 'bench'): Record<string, string> => ({
  authorization: `Bearer ${signAccessToken({ role: 'admin', id: actor }, BENCH_JWT_SECRET, 24 * 3600, Date.now())}`,
});
