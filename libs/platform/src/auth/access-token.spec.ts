import { createHmac } from 'node:crypto';
import type { Principal } from '@app/domain';
import { signAccessToken, verifiedTokens, verifyAccessToken } from './access-token';
import { hashSecret, verifySecret } from './passwords';

const secret = 'x'.repeat(32);
const firm: Principal = {
  role: 'enterprise',
  id: 'cq-steel-001',
  memberId: 'cq-steel-001',
  accountIds: ['cq-steel-001'],
};
const segment = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  it('round-trips the principal until it expires', () => {
    const token = signAccessToken(firm, secret, 60, 1_000_000);
    expect(verifyAccessToken(token, secret, 1_000_000)).toEqual({ principal: firm, issuedMs: 1_000_000 });
    expect(verifyAccessToken(token, secret, 1_000_000 + 60_000)).toBeUndefined();
  });

  it('verifies a token once, then answers it from the cache until its exp, for its secret only', () => {
    verifiedTokens.clear();
    const token = signAccessToken(firm, secret, 60, 2_000_000);
    const first = verifyAccessToken(token, secret, 2_000_000);
    expect(first?.principal).toEqual(firm);
    expect(verifiedTokens.size).toBe(1);
    expect(verifyAccessToken(token, secret, 2_059_999)).toBe(first);
    expect(verifyAccessToken(token, 'y'.repeat(32), 2_000_000)).toBeUndefined();
    expect(verifyAccessToken(token, secret, 2_060_000)).toBeUndefined();
    expect(verifiedTokens.size).toBe(0);
    // A refused token is never kept: each try pays the full check.
    expect(verifyAccessToken(`${token}x`, secret, 2_000_000)).toBeUndefined();
    expect(verifiedTokens.size).toBe(0);
  });

  it('hands out a frozen principal, since every request with the token shares it', () => {
    const token = signAccessToken(firm, secret, 60, 3_000_000);
    const verified = verifyAccessToken(token, secret, 3_000_000)!;
    const principal = verified.principal as Principal & { accountIds: string[] };
    expect(Object.isFrozen(verified)).toBe(true);
    expect(Object.isFrozen(principal)).toBe(true);
    expect(() => principal.accountIds.push('someone-else')).toThrow(TypeError);
    expect(verifyAccessToken(token, secret, 3_000_000)?.principal).toEqual(firm);
  });

  it('is a standard HS256 JWT: header, sub, iat and exp, and the signing time in ms', () => {
    const [header, payload] = signAccessToken(firm, secret, 60, 1_000_250).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      sub: firm.id,
      principal: firm,
      iat: 1000,
      iatMs: 1_000_250,
      exp: 1060,
    });
  });

  it('takes a token without iatMs (signed before it was added) as signed at its iat', () => {
    const [h] = signAccessToken(firm, secret, 60, 0).split('.');
    const older = segment({ sub: firm.id, principal: firm, iat: 1000, exp: 1060 });
    const signature = createHmac('sha256', secret).update(`${h}.${older}`).digest('base64url');
    expect(verifyAccessToken(`${h}.${older}.${signature}`, secret, 1_000_500)).toEqual({
      principal: firm,
      issuedMs: 1_000_000,
    });
  });

  it('refuses another secret, a changed payload, another algorithm, a non-principal and garbage', () => {
    const token = signAccessToken(firm, secret, 60, 0);
    expect(verifyAccessToken(token, 'y'.repeat(32), 0)).toBeUndefined();
    const [h, p, s] = token.split('.');
    const forged = segment({
      ...JSON.parse(Buffer.from(p, 'base64url').toString()),
      principal: { role: 'admin', id: 'x' },
    });
    expect(verifyAccessToken(`${h}.${forged}.${s}`, secret, 0)).toBeUndefined();
    expect(verifyAccessToken(`${segment({ alg: 'none', typ: 'JWT' })}.${p}.`, secret, 0)).toBeUndefined();
    const hs512 = segment({ alg: 'HS512', typ: 'JWT' });
    const hs512Signature = createHmac('sha512', secret).update(`${hs512}.${p}`).digest('base64url');
    expect(verifyAccessToken(`${hs512}.${p}.${hs512Signature}`, secret, 0)).toBeUndefined();
    const notPrincipal = segment({ sub: 'x', principal: { role: 'king', id: 'x' }, iat: 0, exp: 60 });
    const signature = createHmac('sha256', secret).update(`${h}.${notPrincipal}`).digest('base64url');
    expect(verifyAccessToken(`${h}.${notPrincipal}.${signature}`, secret, 0)).toBeUndefined();
    expect(verifyAccessToken('not-a-token', secret, 0)).toBeUndefined();
  });
});

describe('password hashing', () => {
  it('verifies the right secret only, salted, with argon2id', async () => {
    const stored = await hashSecret('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain('correct');
    expect(await verifySecret('correct horse battery', stored)).toBe(true);
    expect(await verifySecret('wrong', stored)).toBe(false);
    expect(await hashSecret('correct horse battery')).not.toBe(stored);
    expect(await verifySecret('anything', 'scrypt$old$format')).toBe(false);
  });
});
