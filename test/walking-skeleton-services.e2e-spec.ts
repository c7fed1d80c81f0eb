import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase, testRedisUrl } from '@app/platform/testing';
import { eventually, freePort } from './support/http';
import { crossTwoOrders, expectedTrade } from './support/walking-skeleton';

/**
 * Gateway and exchange as separate processes (built by `npm run build`) that share nothing but
 * the real PostgreSQL and Redis.
 */
describe('walking skeleton, as separate services on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  const processes: ChildProcess[] = [];
  let gatewayUrl = '';

  const start = async (app: 'gateway' | 'exchange', env: Record<string, string>) => {
    const port = await freePort();
    const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    processes.push(child);
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      async () => ((await fetch(`${url}/health`)).ok ? true : undefined),
      30000,
      `${app} to be healthy`,
    );
    return url;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.destroy();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
    };
    // Start both at once: the migration lock must let them share one fresh database.
    [gatewayUrl] = await Promise.all([start('gateway', env), start('exchange', env)]);
  }, 60000);

  afterAll(async () => {
    await Promise.all(
      processes.map(
        (p) =>
          new Promise((resolve) =>
            p.exitCode !== null ? resolve(null) : (p.once('exit', resolve), p.kill('SIGTERM')),
          ),
      ),
    );
    await db?.drop();
  });

  it('a trade crosses the queue from the gateway to the matching worker and back to GET /trades', async () => {
    const trades = await crossTwoOrders(gatewayUrl, 'SCEA-2025');
    expect(trades).toEqual([expect.objectContaining({ ...expectedTrade('SCEA-2025'), price: 3600 })]);
  });
});
