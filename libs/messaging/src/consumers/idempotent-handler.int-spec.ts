import { createTestDatabase, testRedisUrl, TestDatabase } from '@app/platform/testing';
import { MESSAGING_MIGRATIONS } from '../schema/messaging-schema.migration';
import { eventually, uniquePrefix, wipeRedis } from '../testing/eventually';
import { BullMqTransport } from '../transport/bullmq-transport';
import type { TransportMessage } from '../transport/message-transport';
import { idempotentBatchHandler, idempotentHandler } from './idempotent-handler';

jest.setTimeout(60_000);
const silent = (): void => undefined;

describe('idempotentHandler', () => {
  let db: TestDatabase;
  const prefix = uniquePrefix('idempotent');

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: MESSAGING_MIGRATIONS });
    await db.dataSource.query(`CREATE TABLE credits (message_id text NOT NULL, amount int NOT NULL)`);
  });
  beforeEach(() => db.dataSource.query(`TRUNCATE credits, processed_messages`));
  afterAll(async () => {
    await wipeRedis(testRedisUrl(), prefix);
    await db.drop();
  });

  const credits = async (): Promise<number> => {
    const [{ n }] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM credits`)) as { n: number }[];
    return n;
  };
  const credit = (consumer = 'ledger') =>
    idempotentHandler(db.dataSource, consumer, async (message, manager) => {
      await manager.query(`INSERT INTO credits (message_id, amount) VALUES ($1, 10)`, [message.id]);
    });
  const message: TransportMessage = { id: 'credit:1', name: 'Credit', payload: {} };

  describe('given a message already handled', () => {
    it('skips the redelivery', async () => {
      const handle = credit();
      await handle(message);
      await handle(message);
      expect(await credits()).toBe(1);
    });

    it('still applies it once per distinct consumer', async () => {
      await credit('ledger')(message);
      await credit('audit')(message);
      expect(await credits()).toBe(2);
    });
  });

  describe('given the same message delivered twice at once', () => {
    it('applies it once', async () => {
      const handle = credit();
      await Promise.all([handle(message), handle(message), handle(message)]);
      expect(await credits()).toBe(1);
    });
  });

  describe('given a handler that fails', () => {
    it('rolls back the dedupe record with the effects, so the retry applies it', async () => {
      let fail = true;
      const handle = idempotentHandler(db.dataSource, 'ledger', async (m, manager) => {
        await manager.query(`INSERT INTO credits (message_id, amount) VALUES ($1, 10)`, [m.id]);
        if (fail) throw new Error('crashed after writing');
      });
      await expect(handle(message)).rejects.toThrow('crashed');
      expect(await credits()).toBe(0);
      fail = false;
      await handle(message);
      expect(await credits()).toBe(1);
    });
  });

  describe('given BullMQ processing the same job twice', () => {
    it('applies it once', async () => {
      // keepCompleted 0: the finished job is gone, so re-publishing its id makes a second job.
      const transport = new BullMqTransport({
        redisUrl: testRedisUrl(),
        prefix,
        keepCompleted: 0,
        log: silent,
      });
      const handle = credit();
      let deliveries = 0;
      const consumer = await transport.consume(
        'credits',
        async (m) => {
          deliveries++;
          await handle(m);
        },
        { concurrency: 1 },
      );
      await transport.publish('credits', message);
      await eventually(() => deliveries === 1);
      await eventually(async () => (await transport.jobCount('credits')) === 0);
      await transport.publish('credits', message);
      await eventually(() => deliveries === 2);
      await consumer.close();
      await transport.close();
      expect(await credits()).toBe(1);
    });
  });

  describe('given a batch', () => {
    const batchCredit = () =>
      idempotentBatchHandler(db.dataSource, 'ledger', async (messages, manager) => {
        for (const m of messages)
          await manager.query(`INSERT INTO credits (message_id, amount) VALUES ($1, 10)`, [m.id]);
      });
    const m = (n: number): TransportMessage => ({ id: `credit:${n}`, name: 'Credit', payload: {} });

    it('applies only the messages not handled before, once each, in order', async () => {
      await credit()(m(2));
      const handled: string[] = [];
      await idempotentBatchHandler(db.dataSource, 'ledger', async (messages) => {
        handled.push(...messages.map((x) => x.id));
      })([m(1), m(2), m(3), m(1)]);
      expect(handled).toEqual(['credit:1', 'credit:3']);
    });

    it('shares the dedupe records with the single-message handler', async () => {
      await batchCredit()([m(1), m(2)]);
      await credit()(m(1));
      await batchCredit()([m(2), m(3)]);
      expect(await credits()).toBe(3);
    });

    it('rolls back every record with the effects when the handler fails', async () => {
      await expect(
        idempotentBatchHandler(db.dataSource, 'ledger', async (messages, manager) => {
          await manager.query(`INSERT INTO credits (message_id, amount) VALUES ($1, 10)`, [messages[0].id]);
          throw new Error('crashed after writing');
        })([m(1), m(2)]),
      ).rejects.toThrow('crashed');
      expect(await credits()).toBe(0);
      await batchCredit()([m(1), m(2)]);
      expect(await credits()).toBe(2);
    });
  });
});
