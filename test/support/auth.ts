import type { Principal } from '@app/domain';
import { AUTH_SETTINGS, type AuthSettings, type RunningService, signAccessToken } from '@app/platform';
import { setRequestHeaders } from './http';
import { TEST_JWT_SECRET } from './test-credentials';

/** Test principals: an administrator (may do everything but a regulator's key) and one of each role. */
export const TEST_ADMIN: Principal = { role: 'admin', id: 'test-admin' };
export const testRegulator = (province: 'CQ' | 'SC'): Principal => ({
  role: 'regulator',
  id: `regulator-${province.toLowerCase()}`,
  province,
});
export const testEnterprise = (id: string, province?: 'CQ' | 'SC'): Principal => ({
  role: 'enterprise',
  id,
  memberId: id,
  accountIds: [id],
  province,
});

/** A bearer header for `principal`, signed with the secret of an in-process service or the test secret. */
export function bearerFor(principal: Principal, service?: RunningService): Record<string, string> {
  const secret = service ? service.app.get<AuthSettings>(AUTH_SETTINGS).secret : TEST_JWT_SECRET;
  return { authorization: `Bearer ${signAccessToken(principal, secret, 24 * 3600, Date.now())}` };
}

/** Every request of the test-support HTTP helpers (postJson, getJson, fuzz, fault and soak clients) as `principal`. */
export function authenticateAs(principal: Principal, service?: RunningService): void {
  const headers = bearerFor(principal, service);
  setRequestHeaders(() => headers);
}
