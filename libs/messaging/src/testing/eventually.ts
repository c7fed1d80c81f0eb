import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** Polls `check` until it holds, for tests. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A BullMQ key prefix no other test file uses. */
export const uniquePrefix = (name: string): string => `test-${name}-${randomBytes(4).toString('hex')}`;

/**
 * Loses everything Redis holds for `prefix`, as a crash without persistence would. With
 * `MESSAGING_TEST_FLUSHALL=1` it runs a real FLUSHALL (only safe when nothing else uses this
 * Redis at the same time).
 */
export async function wipeRedis(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    if (process.env.MESSAGING_TEST_FLUSHALL === '1') {
      await redis.flushall();
      return;
    }
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
