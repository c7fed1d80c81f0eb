import { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/** The throttler's answer for one hit (`@nestjs/throttler`'s ThrottlerStorageRecord; times in seconds). */
export interface ThrottlerHit {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One atomic step per hit. KEYS: hits, block. ARGV: ttl ms, limit, block duration ms.
 * While blocked nothing is counted; the hit that goes over the limit starts the block.
 * Returns { hits, hits pttl, block pttl (0: not blocked) }.
 */
const HIT_SCRIPT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), blockTtl }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits <= tonumber(ARGV[2]) then return { hits, ttl, 0 } end
local block = tonumber(ARGV[3])
if block <= 0 then return { hits, ttl, ttl } end
redis.call('SET', KEYS[2], '1', 'PX', block)
return { hits, ttl, block }
`;

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

/**
 * Throttler counters in Redis, shared by every process on it: a fixed window per key (the first
 * hit starts it), and a block key once the limit is passed.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerHit> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    const [totalHits, hitsTtl, blockTtl] = (await this.redis.eval(
      HIT_SCRIPT,
      2,
      base,
      `${base}:blocked`,
      ttl,
      limit,
      blockDuration,
    )) as [number, number, number];
    return {
      totalHits,
      timeToExpire: seconds(hitsTtl),
      isBlocked: blockTtl > 0,
      timeToBlockExpire: seconds(blockTtl),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit();
  }
}
