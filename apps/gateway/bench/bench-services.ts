import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createTestDatabase, TestDatabase, testRedisUrl } from '@app/platform/testing';
import { BENCH_JWT_SECRET } from './bench-auth';

export interface RunningServices {
  gatewayUrl: string;
  /** The registry: the bench members' CQ/SC units enter through its custody. */
  registryUrl: string;
  databaseUrl: string;
  pids: { gateway: number; exchange: number };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become healthy at ${url}`);
}

/**
 * The gateway and the exchange as separate processes (built by `npm run build`) on a fresh
 * database of the local PostgreSQL and the local Redis, like the services e2e test.
 */
export async function startServices(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<RunningServices> {
  const db: TestDatabase = await createTestDatabase();
  await db.dataSource.destroy();
  const shared = {
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    JWT_SECRET: BENCH_JWT_SECRET,
    ...env,
  };
  const children: ChildProcess[] = [];
  const pids = { gateway: 0, exchange: 0 };
  const start = async (app: 'gateway' | 'exchange' | 'registry'): Promise<string> => {
    const port = await freePort();
    const child = spawn(process.execPath, [...nodeArgs, `dist/apps/${app}/src/main.js`], {
      env: { ...process.env, ...shared, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    if (app !== 'registry') pids[app] = child.pid ?? 0;
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, app);
    return url;
  };
  try {
    const [gatewayUrl] = await Promise.all([start('gateway'), start('exchange')]);
    const registryUrl = await start('registry');
    return {
      gatewayUrl,
      registryUrl,
      databaseUrl: db.url,
      pids,
      async stop() {
        await Promise.all(
          children.map(
            (c) =>
              new Promise((resolve) =>
                c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM')),
              ),
          ),
        );
        await db.drop();
      },
    };
  } catch (error) {
    for (const c of children) c.kill('SIGKILL');
    await db.drop();
    throw error;
  }
}
