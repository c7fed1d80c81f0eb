import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { testRedisUrl } from '@app/platform/testing';
import { uniquePrefix, wipeRedis } from '@app/messaging/testing/eventually';
import { connectionFor, SWEEP_QUEUE } from './sweep-queue';

jest.setTimeout(120_000);
const run = promisify(execFile);
const root = join(__dirname, '../../../..');
const cli = join(root, 'dist/apps/simulator/src/main.js');
const scenario = join(root, 'seeds/scenarios/two-provinces.yaml');
const sweepArgs = [
  '--seeds',
  '1..3',
  '--grid',
  'linkage=separate,linked',
  '--grid',
  'tradingDaysPerYear=10,20',
];

/** Starts `simulate worker` from the built CLI and resolves once it listens. */
function startWorker(prefix: string, log: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [cli, 'worker', '--redis', testRedisUrl(), '--prefix', prefix, '--concurrency', '1'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited early with ${code}: ${log.join('')}`)));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      log.push(chunk);
      if (log.join('').includes('Ctrl-C to stop')) resolve(child);
    });
  });
}

const stopped = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('sweep over BullMQ workers (built CLI, real Redis)', () => {
  const prefix = uniquePrefix('sim-sweep');
  let dir: string;
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'sim-sweep-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await wipeRedis(testRedisUrl(), prefix);
  });

  it('gives the same table and chart as the in-process sweep, the runs shared by two worker processes', async () => {
    const logs: string[][] = [[], []];
    const workers = await Promise.all(logs.map((log) => startWorker(prefix, log)));
    try {
      await run(process.execPath, [
        cli,
        'sweep',
        scenario,
        ...sweepArgs,
        '--out',
        join(dir, 'local.csv'),
        '--quiet',
      ]);
      const { stderr } = await run(process.execPath, [
        cli,
        'sweep',
        scenario,
        ...sweepArgs,
        '--out',
        join(dir, 'distributed.csv'),
        '--redis',
        testRedisUrl(),
        '--prefix',
        prefix,
      ]);
      expect(stderr).toContain('(12/12 runs)');
    } finally {
      expect(await Promise.all(workers.map(stopped))).toEqual([0, 0]);
    }
    const local = readFileSync(join(dir, 'local.csv'), 'utf8');
    expect(local.trim().split('\n')).toHaveLength(1 + 12);
    expect(readFileSync(join(dir, 'distributed.csv'), 'utf8')).toBe(local);
    expect(readFileSync(join(dir, 'distributed.html'), 'utf8')).toBe(
      readFileSync(join(dir, 'local.html'), 'utf8'),
    );
    const done = logs.map(
      (log) =>
        log
          .join('')
          .split('\n')
          .filter((l) => l.startsWith('done ')).length,
    );
    expect(done[0]).toBeGreaterThan(0);
    expect(done[1]).toBeGreaterThan(0);
    expect((done[0] as number) + (done[1] as number)).toBe(12);
  });

  it('fails clearly when no worker takes a job, and takes its jobs back out of the queue', async () => {
    const lonely = `${prefix}-none`;
    const failed = run(process.execPath, [
      cli,
      'sweep',
      scenario,
      '--seeds',
      '1..2',
      '--redis',
      testRedisUrl(),
      '--prefix',
      lonely,
      '--worker-timeout',
      '1',
      '--quiet',
    ]);
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`no worker took a job from queue "${lonely}:sweep"`) as unknown,
    });
    const queue = new Queue(SWEEP_QUEUE, { connection: connectionFor(testRedisUrl()), prefix: lonely });
    try {
      expect(await queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized')).toBe(0);
    } finally {
      await queue.close();
      await wipeRedis(testRedisUrl(), lonely);
    }
  });

  it('fails fast, naming the URL, when Redis cannot be reached (sweep and worker)', async () => {
    const nowhere = 'redis://127.0.0.1:1';
    for (const args of [
      ['sweep', scenario, '--seeds', '1', '--redis', nowhere, '--quiet'],
      ['worker', '--redis', nowhere],
    ]) {
      await expect(run(process.execPath, [cli, ...args], { timeout: 30_000 })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`cannot reach Redis at ${nowhere}`) as unknown,
      });
    }
  });
});
