import { createHmac, timingSafeEqual } from 'node:crypto';
import { isProvince, ROLES, type Principal } from '@app/domain';

/**
 * Access tokens: compact JWTs signed with HS256 (RFC 7519) carrying the principal. Written over
 * node:crypto because only HS256 with one secret is needed; `alg` other than HS256 is refused.
 */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

const sign = (input: string, secret: string): string =>
  createHmac('sha256', secret).update(input).digest('base64url');

export function signAccessToken(
  principal: Principal,
  secret: string,
  ttlSeconds: number,
  nowMs: number,
): string {
  const iat = Math.floor(nowMs / 1000);
  const payload = base64url(JSON.stringify({ sub: principal.id, principal, iat, exp: iat + ttlSeconds }));
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

/** The principal of a valid, unexpired token; undefined for anything else (bad signature, expired, malformed). */
export function verifyAccessToken(token: string, secret: string, nowMs: number): Principal | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
      exp?: unknown;
      principal?: unknown;
    };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return undefined;
    return isPrincipal(claims.principal) ? claims.principal : undefined;
  } catch {
    return undefined;
  }
}

export function isPrincipal(value: unknown): value is Principal {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  if (typeof p.id !== 'string' || !(ROLES as readonly string[]).includes(p.role as string)) return false;
  if (p.role === 'regulator') return isProvince(p.province);
  if (p.role === 'enterprise')
    return (
      typeof p.memberId === 'string' &&
      Array.isArray(p.accountIds) &&
      p.accountIds.every((a) => typeof a === 'string')
    );
  return true;
}
