import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { SweepJob } from './sweep-job';
import {
  checkRedis,
  connectionFor,
  SWEEP_QUEUE,
  type SweepJobData,
  type SweepJobResult,
} from './sweep-queue';

export interface DistributedOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  /** Fail if no worker has taken any job of this sweep within this time. */
  readonly workerTimeoutMs: number;
  readonly progress?: (done: number, total: number) => void;
}

/**
 * Enqueues one BullMQ job per run and waits for all of them; results come back in `jobs` order
 * whatever order the workers finish in. Jobs are not retried (a run is deterministic: a failure would
 * fail again); a worker that dies mid-job leaves it stalled and BullMQ hands it to another worker.
 */
export async function runDistributed(
  jobs: readonly SweepJob[],
  opts: DistributedOptions,
): Promise<SweepJobResult[]> {
  await checkRedis(opts.redisUrl);
  const sweepId = randomUUID();
  const idOf = (i: number) => `${sweepId}-${i}`;
  const queue = new Queue<SweepJobData, SweepJobResult>(SWEEP_QUEUE, {
    connection: connectionFor(opts.redisUrl),
    prefix: opts.prefix,
  });
  const events = new QueueEvents(SWEEP_QUEUE, {
    connection: connectionFor(opts.redisUrl),
    prefix: opts.prefix,
  });
  let picked = false;
  const onPicked = ({ jobId }: { jobId: string }) => {
    if (jobId.startsWith(sweepId)) picked = true;
  };
  events.on('active', onPicked);
  // Connection trouble after the start: ioredis reconnects by itself; say it once per message.
  const seen = new Set<string>();
  const warn = (e: Error) => {
    if (!seen.has(e.message)) process.stderr.write(`sweep: redis: ${e.message}\n`);
    seen.add(e.message);
  };
  queue.on('error', warn);
  events.on('error', warn);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    const added = await queue.addBulk(
      jobs.map((job, index) => ({
        name: 'run',
        data: { ...job, sweepId, index },
        opts: {
          jobId: idOf(index),
          attempts: 1,
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      })),
    );
    let done = 0;
    const results = added.map((job, i) =>
      job.waitUntilFinished(events).then(
        (r: SweepJobResult) => {
          picked = true;
          opts.progress?.(++done, jobs.length);
          return r;
        },
        (e: Error) => {
          throw new Error(
            `sweep run ${(jobs[i] as SweepJob).sets.join(' ')} failed on a worker: ${e.message}`,
          );
        },
      ),
    );
    const noWorker = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (!picked) {
          reject(
            new Error(
              `no worker took a job from queue "${opts.prefix}:${SWEEP_QUEUE}" on ${opts.redisUrl} within ${opts.workerTimeoutMs / 1000} s; ` +
                `start one with: npm run simulate -- worker --redis ${opts.redisUrl}` +
                (opts.prefix === 'simulator' ? '' : ` --prefix ${opts.prefix}`),
            ),
          );
        }
      }, opts.workerTimeoutMs);
    });
    try {
      return await Promise.race([Promise.all(results), noWorker]);
    } finally {
      // The results are in hand (or the sweep failed): leave nothing of this sweep in Redis. A job
      // still running on a worker is locked and stays; BullMQ trims it after a day.
      await Promise.all(added.map((job) => job.remove().catch(() => undefined)));
    }
  } finally {
    clearTimeout(timer);
    await events.close();
    await queue.close();
  }
}
