import type { Principal } from '@app/domain';
import { signAccessToken, verifyAccessToken } from './access-token';
import { hashSecret, verifySecret } from './passwords';

const secret = 'x'.repeat(32);
const firm: Principal = {
  role: 'enterprise',
  id: 'cq-steel-001',
  memberId: 'cq-steel-001',
  accountIds: ['cq-steel-001'],
};

describe('access tokens', () => {
  it('round-trips the principal until it expires', () => {
    const token = signAccessToken(firm, secret, 60, 1_000_000);
    expect(verifyAccessToken(token, secret, 1_000_000)).toEqual(firm);
    expect(verifyAccessToken(token, secret, 1_000_000 + 60_000)).toBeUndefined();
  });

  it('refuses another secret, a changed payload, another algorithm and garbage', () => {
    const token = signAccessToken(firm, secret, 60, 0);
    expect(verifyAccessToken(token, 'y'.repeat(32), 0)).toBeUndefined();
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p, 'base64url').toString()),
        principal: { role: 'admin', id: 'x' },
      }),
    ).toString('base64url');
    expect(verifyAccessToken(`${h}.${forged}.${s}`, secret, 0)).toBeUndefined();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyAccessToken(`${none}.${p}.`, secret, 0)).toBeUndefined();
    expect(verifyAccessToken('not-a-token', secret, 0)).toBeUndefined();
  });
});

describe('secret hashing', () => {
  it('verifies the right secret only, salted', async () => {
    const stored = await hashSecret('correct horse battery');
    expect(stored).not.toContain('correct');
    expect(await verifySecret('correct horse battery', stored)).toBe(true);
    expect(await verifySecret('wrong', stored)).toBe(false);
    expect(await hashSecret('correct horse battery')).not.toBe(stored);
  });
});
