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
