import type { Redis } from 'ioredis';

/** Counts hits per key in fixed windows; the answer is the count including this hit. */
export interface RateLimitStore {
  hit(key: string, windowMs: number, nowMs: number): Promise<number>;
  close?(): Promise<void>;
}

/** One process (embedded mode, tests). Old windows are dropped as new ones start. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counts = new Map<string, number>();
  private window = -1;

  hit(key: string, windowMs: number, nowMs: number): Promise<number> {
    const window = Math.floor(nowMs / windowMs);
    if (window !== this.window) {
      this.counts.clear();
      this.window = window;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return Promise.resolve(count);
  }
}

/** Shared by every process on the same Redis: one counter per key and window, expiring with it. */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number, nowMs: number): Promise<number> {
    const redisKey = `${this.prefix}:rate:${key}:${Math.floor(nowMs / windowMs)}`;
    const [[incrError, count]] = (await this.redis
      .multi()
      .incr(redisKey)
      .pexpire(redisKey, windowMs)
      .exec()) as [[Error | null, number]];
    if (incrError) throw incrError;
    return count;
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
