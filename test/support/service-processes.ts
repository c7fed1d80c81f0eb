import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase, testRedisUrl } from '@app/platform/testing';
import { eventually, freePort } from './http';

export type ServiceApp = 'gateway' | 'exchange' | 'registry' | 'sandbox';

/**
 * A fresh test database for services started as processes (its own pool closed: they open
 * theirs), and the environment they share: it, the test Redis and a queue prefix of their own.
 */
export async function processEnvironment(
  name: string,
): Promise<{ db: TestDatabase; env: Record<string, string> }> {
  const db = await createTestDatabase();
  await db.dataSource.destroy();
  return {
    db,
    env: {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `e2e-${name}-${randomBytes(4).toString('hex')}`,
    },
  };
}

/**
 * Built services (`npm run build` first) as separate OS processes, each on a free port, started
 * and stopped together: what the multi-process e2e tests share.
 */
export class ServiceProcesses {
  private readonly children: ChildProcess[] = [];

  /** Starts `dist/apps/<app>/src/main.js` (on `port`, e.g. to restart it, else a free one) and waits for its /health. */
  async start(
    app: ServiceApp,
    env: Record<string, string>,
    port?: number,
  ): Promise<{ url: string; child: ChildProcess }> {
    port ??= await freePort();
    const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.children.push(child);
    const url = `http://127.0.0.1:${port}`;
    try {
      await eventually(
        async () => ((await fetch(`${url}/health`)).ok ? true : undefined),
        // Generous: three services booting at once on 2 busy cores take a while.
        60_000,
        `${app} to be healthy`,
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return { url, child };
  }

  /** The started process with this pid, e.g. to kill it. */
  byPid(pid: number): ChildProcess | undefined {
    return this.children.find((p) => p.pid === pid);
  }

  /**
   * SIGTERM to every process still running, and wait until each has exited; one that has not
   * within `graceMs` (a shutdown stuck on a dead connection) gets SIGKILL, so a failed suite ends.
   */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.children.map(async (p) => {
        if (p.exitCode !== null || p.signalCode !== null) return;
        const exited = new Promise((resolve) => p.once('exit', resolve));
        p.kill('SIGTERM');
        const timer = setTimeout(() => p.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
