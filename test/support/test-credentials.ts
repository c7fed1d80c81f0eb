import type { Principal } from '@app/domain';
import { signAccessToken } from '../../libs/platform/src/auth/access-token';
import { ROUTE_ACCESS } from '../../libs/platform/src/auth/route-access';

/** The token secret tests share with the services they start (JWT_SECRET in the environment). */
export const TEST_JWT_SECRET = 'test-secret-of-the-test-suite-not-for-production';

const ROUTES = Object.entries(ROUTE_ACCESS)
  .map(([key, access]) => {
    const [method, path] = key.split(' ');
    // Literal segments before parameters: /pricing-standards/in-force before /pricing-standards/:version.
    const pattern = new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}$`);
    return { method, pattern, access, params: (path.match(/:/g) ?? []).length };
  })
  .sort((a, b) => a.params - b.params);

/** `CQ`, `CQ-EEB`, `regulator-sc`: the province a value names. */
const provinceOf = (value: unknown): 'CQ' | 'SC' | undefined => {
  if (typeof value !== 'string') return undefined;
  const named = /^(CQ|SC)\b/i.exec(value)?.[1] ?? /^regulator-(cq|sc)$/i.exec(value)?.[1];
  return named?.toUpperCase() as 'CQ' | 'SC' | undefined;
};

/**
 * Who a test request acts as when it brings no credentials of its own: the regulator its body names
 * for a regulator's key (nobody else holds one), else an administrator. Their ids are what the body
 * already names (its `actor`, else a `regulator` such as `SC-DEE`), so what the services record is
 * unchanged and a sent `actor` is the principal's own (the services refuse one naming anyone else). A
 * `regulator` naming no province (`mayor`) is signed by that province's `regulator-cq`/`-sc` instead:
 * the services refuse a body naming someone other than the signed-in regulator (403).
 */
export function principalForRequest(method: string, url: string, body: unknown): Principal {
  const path = new URL(url, 'http://x').pathname;
  const route = ROUTES.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  // A regulator's key (joint decisions, cross-province approvals): the regulator the body names.
  if (route?.access.action === 'market.rules' || typeof fields.regulator === 'string') {
    const province =
      provinceOf(fields.jurisdiction) ?? provinceOf(fields.province) ?? provinceOf(fields.regulator) ?? 'CQ';
    // The body's actor when it names one (a sent actor must be the signed-in principal's id, as the
    // sandbox's seeding signs too), else the regulator it names.
    const id =
      typeof fields.actor === 'string' && fields.actor
        ? fields.actor
        : provinceOf(fields.regulator) !== undefined
          ? (fields.regulator as string)
          : `regulator-${province.toLowerCase()}`;
    return { role: 'regulator', id, province };
  }
  return {
    role: 'admin',
    id: typeof fields.actor === 'string' && fields.actor ? fields.actor : 'test-admin',
  };
}

let enabled = true;

/** Requests of this test file go as they are (e.g. to assert 401 without credentials). */
export function withoutTestCredentials(): void {
  enabled = false;
}

function parsedBody(body: unknown): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Wraps `fetch` for the integration tests: a request to a local service without an Authorization
 * or X-API-Key header gets a bearer token for {@link principalForRequest}, signed with the test
 * secret. The access tests opt out and bring their own credentials.
 */
export function installTestCredentials(secret = TEST_JWT_SECRET): void {
  const original = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const local = /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);
    if (!enabled || !local || headers.has('authorization') || headers.has('x-api-key'))
      return original(input, init);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const principal = principalForRequest(method, url, parsedBody(init?.body));
    headers.set('authorization', `Bearer ${signAccessToken(principal, secret, 3600, Date.now())}`);
    return original(input, { ...init, headers });
  };
}
