import type { Job } from 'bullmq';
import { runSweepJob } from './sweep-job';
import type { SweepJobData, SweepJobResult } from './sweep-queue';

/**
 * BullMQ sandboxed processor: the worker runs each job in a worker thread through this file, so a
 * long simulation (CPU-bound, synchronous) never blocks the thread that renews the job's lock.
 */
export default function processSweepJob(job: Job<SweepJobData>): SweepJobResult {
  return runSweepJob(job.data);
}
