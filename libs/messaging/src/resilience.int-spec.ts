import { createTestDatabase, testRedisUrl, TestDatabase } from '@app/platform/testing';
import { idempotentHandler } from './consumers/idempotent-handler';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { MESSAGING_MIGRATIONS } from './schema/messaging-schema.migration';
import { eventually, uniquePrefix, wipeRedis } from './testing/eventually';
import { BullMqTransport } from './transport/bullmq-transport';
import type { ConsumerHandle } from './transport/message-transport';

jest.setTimeout(120_000);

const N = 500;
const QUEUES = ['shard-0', 'shard-1'];
const silent = (): void => undefined;

/**
 * The resilience test: Redis loses everything while messages are in flight, and still
 * every acknowledged message is applied exactly once in effect.
 */
describe('outbox → BullMQ → idempotent consumer, when Redis loses its data mid-flight', () => {
  let db: TestDatabase;
  const prefix = uniquePrefix('resilience');
  const outbox = new Outbox();

  beforeEach(async () => {
    db = await createTestDatabase({ migrations: MESSAGING_MIGRATIONS, poolSize: 20 });
    // No unique key on purpose: a message applied twice would show as a second row.
    await db.dataSource.query(`CREATE TABLE results (message_id text NOT NULL, queue text NOT NULL)`);
  });
  afterEach(async () => {
    await wipeRedis(testRedisUrl(), prefix);
    await db.drop();
  });

  const enqueue = async (from: number, to: number): Promise<void> => {
    for (let start = from; start < to; start += 25) {
      await db.dataSource.transaction((manager) =>
        outbox.enqueue(
          manager,
          [...Array(Math.min(25, to - start)).keys()].map((i) => {
            const n = start + i;
            return { queue: QUEUES[n % 2], name: 'Apply', payload: { n }, messageId: `cmd:${n}` };
          }),
        ),
      );
    }
  };

  const startConsumers = async (transport: BullMqTransport): Promise<ConsumerHandle[]> => {
    const apply = idempotentHandler(db.dataSource, 'resilience-test', async (message, manager) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await manager.query(`INSERT INTO results (message_id, queue) VALUES ($1, $2)`, [
        message.id,
        QUEUES[(message.payload as { n: number }).n % 2],
      ]);
    });
    return Promise.all(QUEUES.map((queue) => transport.consume(queue, apply, { concurrency: 1 })));
  };

  const count = async (sql: string): Promise<number> => {
    const [{ n }] = (await db.dataSource.query(sql)) as { n: number }[];
    return n;
  };

  it.each([
    ['the consumers restart too', true],
    ['the consumers keep running through it', false],
  ])(
    'applies all N messages exactly once after FLUSHALL and a relay restart (%s)',
    async (_, restartConsumers) => {
      await enqueue(0, 300);
      const options = { redisUrl: testRedisUrl(), prefix, backoffMs: 50, log: silent };
      const relayOptions = { batchSize: 40, pollIntervalMs: 20, log: silent };

      const transport1 = new BullMqTransport(options);
      const consumers1 = await startConsumers(transport1);
      const relay1 = new OutboxRelay(db.dataSource, transport1, relayOptions);
      await relay1.start();
      await eventually(
        async () => (await count(`SELECT count(*)::int AS n FROM results`)) >= 50,
        30_000,
        'progress',
      );

      // Mid-flight: the relay stops, Redis forgets every queued job, the consumers die with it.
      await relay1.stop();
      const inRedisWhenLost = await count(
        `SELECT count(*)::int AS n FROM outbox o WHERE published_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM processed_messages p WHERE p.message_id = o.message_id)`,
      );
      await wipeRedis(testRedisUrl(), prefix);
      if (restartConsumers) await Promise.all(consumers1.map((c) => c.close()));
      expect(inRedisWhenLost).toBeGreaterThan(0);

      // Work keeps arriving while the relay is down.
      await enqueue(300, N);

      const transport2 = new BullMqTransport(options);
      const consumers2 = restartConsumers ? await startConsumers(transport2) : [];
      const relay2 = new OutboxRelay(db.dataSource, transport2, relayOptions);
      await relay2.start();
      await eventually(
        async () => (await count(`SELECT count(DISTINCT message_id)::int AS n FROM results`)) === N,
        60_000,
        'every message applied',
      );
      // Let any stray redelivery land before counting duplicates.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await relay2.stop();
      await Promise.all(consumers2.map((c) => c.close()));
      await transport2.close();
      await transport1.close();

      expect(await count(`SELECT count(*)::int AS n FROM results`)).toBe(N);
      expect(await count(`SELECT count(DISTINCT message_id)::int AS n FROM results`)).toBe(N);
      expect(await count(`SELECT count(*)::int AS n FROM processed_messages`)).toBe(N);
      expect(await count(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toBe(0);
    },
  );
});
