import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../testing';
import { RedisThrottlerStorage } from './redis-throttler-storage';

describe('RedisThrottlerStorage', () => {
  const prefix = `throttle-test-${randomBytes(4).toString('hex')}`;
  const store = new RedisThrottlerStorage(new Redis(testRedisUrl()), prefix);
  const other = new RedisThrottlerStorage(new Redis(testRedisUrl()), prefix);
  afterAll(async () => {
    await store.onApplicationShutdown();
    await other.onApplicationShutdown();
  });

  it('shares one count per key between clients and blocks past the limit until the block expires', async () => {
    expect(await store.increment('p', 60_000, 2, 60_000, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    const second = await other.increment('p', 60_000, 2, 60_000, 'default');
    expect(second).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(second.timeToExpire).toBeGreaterThan(0);
    expect(second.timeToExpire).toBeLessThanOrEqual(60);
    const third = await store.increment('p', 60_000, 2, 60_000, 'default');
    expect(third).toMatchObject({ totalHits: 3, isBlocked: true });
    expect(third.timeToBlockExpire).toBeGreaterThan(0);
    expect(third.timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(await other.increment('p', 60_000, 2, 60_000, 'default')).toMatchObject({ isBlocked: true });
    expect(await store.increment('q', 60_000, 2, 60_000, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('starts a new window when the old one expires and the block is over', async () => {
    expect(await store.increment('short', 200, 1, 200, 'default')).toMatchObject({ isBlocked: false });
    expect(await store.increment('short', 200, 1, 200, 'default')).toMatchObject({ isBlocked: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.increment('short', 200, 1, 200, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });
});
