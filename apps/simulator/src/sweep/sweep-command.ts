import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { loadScenarioTextWith, readScenarioText } from '../scenario/load-scenario';
import { applyOverrides } from '../cli/overrides';
import { reporter } from '../cli/progress';
import { runDistributed } from './distributed-sweep';
import { type HeadlineEntries, runSweepJob, type SweepJob } from './sweep-job';
import { parseSeeds, planSweep } from './sweep-plan';
import { DEFAULT_SWEEP_PREFIX, REDIS_ENV } from './sweep-queue';
import { sweepCsv } from './sweep-table';
import { sweepHtml } from './sweep-html';
import { startSweepWorker } from './sweep-worker';

export interface SweepOptions {
  seeds: string;
  grid: string[];
  out?: string;
  html?: string;
  metric?: string[];
  redis?: string;
  prefix?: string;
  workerTimeout?: string;
  quiet?: boolean;
}

/** `--redis`, else $SIMULATOR_REDIS_URL, else undefined (in process). */
export const redisUrlFrom = (flag: string | undefined): string | undefined =>
  flag ?? (process.env[REDIS_ENV] || undefined);

const positiveInt = (text: string, what: string): number => {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new Error(`${what} must be a positive integer, got "${text}"`);
  return Number(text);
};

/** The HTML goes to --html, else beside the CSV (`sweep.csv` → `sweep.html`), else nowhere. */
const htmlPath = (opts: SweepOptions): string | undefined =>
  opts.html ?? (opts.out ? `${opts.out.replace(/\.csv$/i, '')}.html` : undefined);

/**
 * `sweep`: grid × seeds. Every point is validated (with its overrides) before anything runs or is
 * enqueued; then the runs go in process, or to BullMQ workers with --redis. Same table either way.
 */
export async function sweepCommand(file: string, opts: SweepOptions): Promise<void> {
  const plan = planSweep(opts.grid, parseSeeds(opts.seeds));
  const text = readScenarioText(file);
  const jobs: SweepJob[] = plan.points.map((p) => ({ file, text, sets: p.sets }));
  for (const job of jobs) loadScenarioTextWith(text, file, (raw) => applyOverrides(raw, job.sets));
  const redisUrl = redisUrlFrom(opts.redis);
  const rep = reporter(redisUrl ? `sweep (BullMQ ${redisUrl})` : 'sweep', opts.quiet ?? false, 'runs');
  let results: HeadlineEntries[];
  if (redisUrl) {
    results = await runDistributed(jobs, {
      redisUrl,
      prefix: opts.prefix ?? DEFAULT_SWEEP_PREFIX,
      workerTimeoutMs: positiveInt(opts.workerTimeout ?? '30', '--worker-timeout') * 1000,
      progress: rep.progress,
    });
  } else {
    results = jobs.map((job, k) => {
      const r = runSweepJob(job);
      rep.progress?.(k + 1, jobs.length);
      return r;
    });
  }
  rep.done();
  const csv = sweepCsv(plan, results);
  if (opts.out) writeFileSync(opts.out, csv);
  else process.stdout.write(csv);
  const html = htmlPath(opts);
  if (html) writeFileSync(html, sweepHtml(file, plan, results, opts.metric));
}

export interface WorkerOptions {
  redis?: string;
  prefix?: string;
  concurrency?: string;
  quiet?: boolean;
}

/** `worker`: serves sweep jobs until SIGINT/SIGTERM, then finishes the jobs in hand and exits. */
export async function workerCommand(opts: WorkerOptions): Promise<void> {
  const redisUrl = redisUrlFrom(opts.redis) ?? 'redis://127.0.0.1:6379';
  const concurrency = positiveInt(opts.concurrency ?? String(availableParallelism()), '--concurrency');
  const prefix = opts.prefix ?? DEFAULT_SWEEP_PREFIX;
  const log = (line: string) => {
    if (!opts.quiet) process.stderr.write(`${line}\n`);
  };
  const worker = await startSweepWorker({ redisUrl, prefix, concurrency, log });
  log(`worker: queue "${prefix}:sweep" on ${redisUrl}, concurrency ${concurrency}; Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('worker: stopping after the jobs in hand');
  await worker.close();
}
