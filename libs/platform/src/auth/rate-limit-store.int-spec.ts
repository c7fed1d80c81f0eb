import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../testing';
import { RedisRateLimitStore } from './rate-limit-store';

describe('RedisRateLimitStore', () => {
  const prefix = `rate-test-${randomBytes(4).toString('hex')}`;
  const store = new RedisRateLimitStore(new Redis(testRedisUrl()), prefix);
  afterAll(() => store.close());

  it('shares one count per key and window between clients, expiring with the window', async () => {
    const other = new RedisRateLimitStore(new Redis(testRedisUrl()), prefix);
    const probe = new Redis(testRedisUrl());
    try {
      expect(await store.hit('p', 60_000, 120_000)).toBe(1);
      expect(await other.hit('p', 60_000, 120_001)).toBe(2);
      expect(await store.hit('p', 60_000, 180_000)).toBe(1);
      const ttl = await probe.pttl(`${prefix}:rate:p:2`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      await other.close();
      await probe.quit();
    }
  });
});
