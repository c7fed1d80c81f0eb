import { createSecretKey, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { isPrincipal, type Principal } from '@app/domain';
import { VerifiedTokenCache } from './verified-token-cache';

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
  /** When it was signed, in ms: `iat` has whole seconds, too coarse to order it against a revocation. */
  iatMs: number;
  exp: number;
}

/** A token's principal and when it was signed (ms), once its signature and expiry are checked. */
export interface VerifiedToken {
  principal: Principal;
  issuedMs: number;
}

export function signAccessToken(
  principal: Principal,
  secret: string,
  ttlSeconds: number,
  nowMs: number,
): string {
  const iat = Math.floor(nowMs / 1000);
  const claims: AccessClaims = { sub: principal.id, principal, iat, iatMs: nowMs, exp: iat + ttlSeconds };
  return jwt.sign(claims, { secret, algorithm: ALGORITHM });
}

/**
 * Tokens verified in this process, by their text, until their `exp` (VerifiedTokenCache): a client
 * sends the same token with every request, and verifying it was the gateway's largest cost per order.
 */
export const verifiedTokens = new VerifiedTokenCache<VerifiedToken>(10_000);

/**
 * The secret as a key object, made once: given a string, jsonwebtoken first tries to read it as a
 * PEM public key (a thrown, caught error on every verify) before taking it as an HMAC secret.
 */
let secretKey: { secret: string; key: KeyObject } | undefined;
const keyOf = (secret: string): KeyObject => {
  if (secretKey?.secret !== secret) secretKey = { secret, key: createSecretKey(Buffer.from(secret)) };
  return secretKey.key;
};

/**
 * The principal of a valid, unexpired token and when it was signed; undefined for anything else
 * (bad signature, expired, malformed). A token without `iatMs` counts as signed at its `iat`.
 */
export function verifyAccessToken(token: string, secret: string, nowMs: number): VerifiedToken | undefined {
  const known = verifiedTokens.get(token, secret, nowMs);
  if (known) return known;
  try {
    const claims = jwt.verify<Partial<AccessClaims>>(token, {
      // jsonwebtoken takes a KeyObject; @nestjs/jwt's option type only names string and Buffer.
      secret: keyOf(secret) as unknown as Buffer,
      algorithms: [ALGORITHM],
      clockTimestamp: Math.floor(nowMs / 1000),
    });
    if (typeof claims.exp !== 'number' || !isPrincipal(claims.principal)) return undefined;
    const issuedMs =
      typeof claims.iatMs === 'number'
        ? claims.iatMs
        : typeof claims.iat === 'number'
          ? claims.iat * 1000
          : 0;
    // Shared by every request that presents the token: nobody may change it.
    const verified = deepFreeze({ principal: claims.principal, issuedMs });
    verifiedTokens.set(token, secret, verified, claims.exp);
    return verified;
  } catch {
    return undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
