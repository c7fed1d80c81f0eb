import { JwtService } from '@nestjs/jwt';
import { isProvince, ROLES, type Principal } from '@app/domain';

/**
 * Access tokens: JWTs (HS256, RFC 7519) carrying the principal, signed and verified by @nestjs/jwt
 * (jsonwebtoken underneath). Only HS256 is accepted, so `alg: none` or another algorithm is refused.
 */
const jwt = new JwtService();
const ALGORITHM = 'HS256';

interface AccessClaims {
  sub: string;
  principal: Principal;
  iat: number;
  exp: number;
}

export function signAccessToken(
  principal: Principal,
  secret: string,
  ttlSeconds: number,
  nowMs: number,
): string {
  const iat = Math.floor(nowMs / 1000);
  const claims: AccessClaims = { sub: principal.id, principal, iat, exp: iat + ttlSeconds };
  return jwt.sign(claims, { secret, algorithm: ALGORITHM });
}

/** The principal of a valid, unexpired token; undefined for anything else (bad signature, expired, malformed). */
export function verifyAccessToken(token: string, secret: string, nowMs: number): Principal | undefined {
  try {
    const claims = jwt.verify<Partial<AccessClaims>>(token, {
      secret,
      algorithms: [ALGORITHM],
      clockTimestamp: Math.floor(nowMs / 1000),
    });
    if (typeof claims.exp !== 'number') return undefined;
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
