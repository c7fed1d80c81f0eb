import { AppConfig, parseAppConfig } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { ShardHandlers, ShardOwnership } from './shard-ownership';

const until = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('ShardOwnership on PostgreSQL advisory locks', () => {
  let db: TestDatabase;
  let config: AppConfig;
  const workers: ShardOwnership[] = [];
  /** Which worker consumes each shard right now; a second consumer of one shard fails the test. */
  const consumerOf = new Map<number, string>();
  const overlaps: string[] = [];
  const releases: string[] = [];

  const startWorker = async (name: string): Promise<ShardOwnership> => {
    const handlers: ShardHandlers = {
      acquired: async (shard) => {
        const current = consumerOf.get(shard);
        if (current) overlaps.push(`shard ${shard}: ${name} started while ${current} consumes it`);
        consumerOf.set(shard, name);
      },
      released: async (shard) => {
        releases.push(name);
        if (consumerOf.get(shard) === name) consumerOf.delete(shard);
      },
    };
    const worker = new ShardOwnership(config);
    workers.push(worker);
    await worker.start(handlers);
    return worker;
  };

  const leaseBackends = async (): Promise<number[]> =>
    (
      (await db.dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'exchange-shard-leases:%'
           AND datname = current_database() ORDER BY backend_start`,
      )) as { pid: number }[]
    ).map((row) => row.pid);

  beforeAll(async () => {
    db = await createTestDatabase();
    config = parseAppConfig({
      DATABASE_URL: db.url,
      EXCHANGE_SHARDS: '4',
      EXCHANGE_SHARD_POLL_MS: '100',
      QUEUE_PREFIX: 'ownership-test',
    });
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await db?.drop();
  });

  it('two workers split the shards evenly, and when one dies the survivor takes all of them', async () => {
    const first = await startWorker('first');
    expect(first.owned).toEqual([0, 1, 2, 3]);

    const second = await startWorker('second');
    await until(() => first.owned.length === 2 && second.owned.length === 2, 'an even split');
    expect([...first.owned, ...second.owned].sort()).toEqual([0, 1, 2, 3]);

    // What SIGKILL does to the lease connection: the server drops it and frees its locks. The
    // first worker stops consuming at once; a process that is really dead never comes back, which
    // `stop` stands for here (the real SIGKILL is test/exchange-recovery.e2e-spec.ts).
    const [firstBackend] = await leaseBackends();
    const releasedBefore = releases.filter((name) => name === 'first').length;
    await db.dataSource.query('SELECT pg_terminate_backend($1)', [firstBackend]);
    await until(
      () => releases.filter((name) => name === 'first').length === releasedBefore + 2,
      'the first worker to stop consuming both its shards',
    );
    await first.stop();
    await until(() => second.owned.length === 4, 'the survivor to own every shard');
    expect(first.owned).toEqual([]);
    expect(overlaps).toEqual([]);
  });
});
