import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Job, Worker } from 'bullmq';
import { runSweepJob } from './sweep-job';
import {
  checkRedis,
  connectionFor,
  SWEEP_QUEUE,
  type SweepJobData,
  type SweepJobResult,
} from './sweep-queue';

export interface SweepWorkerOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  /** Jobs run at the same time (each in its own worker thread). */
  readonly concurrency: number;
  readonly log: (line: string) => void;
}

/** A simulation may take minutes; BullMQ's lock must outlive it if it runs in the worker's thread. */
const IN_THREAD_LOCK_MS = 10 * 60_000;

/**
 * Starts a BullMQ worker on the sweep queue. From the built CLI (`dist/…/sweep-processor.js`
 * exists) jobs run in worker threads (BullMQ sandboxed processors), so `concurrency` uses that many
 * cores; from TypeScript sources (tests) they run in this thread, one at a time in effect.
 */
export async function startSweepWorker(
  opts: SweepWorkerOptions,
): Promise<Worker<SweepJobData, SweepJobResult>> {
  await checkRedis(opts.redisUrl);
  const processorFile = join(__dirname, 'sweep-processor.js');
  const sandboxed = existsSync(processorFile);
  const worker = new Worker<SweepJobData, SweepJobResult>(
    SWEEP_QUEUE,
    sandboxed ? processorFile : (job: Job<SweepJobData>) => Promise.resolve(runSweepJob(job.data)),
    {
      connection: connectionFor(opts.redisUrl),
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      useWorkerThreads: sandboxed,
      ...(sandboxed ? {} : { lockDuration: IN_THREAD_LOCK_MS }),
    },
  );
  worker.on('error', (e: Error) => opts.log(`worker error: ${e.message}`));
  worker.on('completed', (job: Job<SweepJobData>) =>
    opts.log(
      `done ${job.data.file} [${job.data.sets.join(' ')}] (sweep ${job.data.sweepId} #${job.data.index})`,
    ),
  );
  worker.on('failed', (job: Job<SweepJobData> | undefined, e: Error) =>
    opts.log(`failed ${job?.data.file ?? '?'} [${job?.data.sets.join(' ') ?? ''}]: ${e.message}`),
  );
  await worker.waitUntilReady();
  return worker;
}
