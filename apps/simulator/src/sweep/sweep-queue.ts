import { Redis } from 'ioredis';
import type { SweepJob, HeadlineEntries } from './sweep-job';

/** The one BullMQ queue sweep jobs go through; `--prefix` namespaces it (default `simulator`). */
export const SWEEP_QUEUE = 'sweep';
export const DEFAULT_SWEEP_PREFIX = 'simulator';
/** Where `--redis` falls back to; without either, `sweep` runs in process. */
export const REDIS_ENV = 'SIMULATOR_REDIS_URL';

export interface SweepJobData extends SweepJob {
  /** Identifies the sweep the job belongs to (its job ids start with it too). */
  readonly sweepId: string;
  readonly index: number;
}

export type SweepJobResult = HeadlineEntries;

/** BullMQ connection options: workers need `maxRetriesPerRequest: null` (blocking commands). */
export const connectionFor = (redisUrl: string) => ({ url: redisUrl, maxRetriesPerRequest: null });

/** Fails fast with a clear message when Redis is not there (BullMQ would retry forever). */
export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: Error | undefined;
  redis.on('error', (e: Error) => (cause ??= e));
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    throw new Error(`cannot reach Redis at ${redisUrl}: ${(cause ?? (e as Error)).message}`);
  } finally {
    redis.disconnect();
  }
}
