import { createTestDatabase, testRedisUrl, type TestDatabase } from '@app/platform/testing';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessagingModule, type MessagingModuleOptions } from './messaging.module';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from './schema/messaging-schema.migration';
import { eventually, uniquePrefix, wipeRedis } from './testing/eventually';
import { BullMqTransport } from './transport/bullmq-transport';
import { InProcessTransport } from './transport/in-process-transport';
import {
  MESSAGE_TRANSPORT,
  type MessageTransport,
  type TransportMessage,
} from './transport/message-transport';

jest.setTimeout(60_000);

describe('MessagingModule', () => {
  let db: TestDatabase;
  const prefix = uniquePrefix('module');

  beforeAll(async () => {
    db = await createTestDatabase({ entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS });
  });
  afterAll(async () => {
    await wipeRedis(testRedisUrl(), prefix);
    await db.drop();
  });

  const boot = async (options: MessagingModuleOptions) => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: db.url,
          entities: MESSAGING_ENTITIES,
          synchronize: false,
        }),
        MessagingModule.forRoot({ ...options, relay: { pollIntervalMs: 20, log: () => undefined } }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    app.enableShutdownHooks();
    await app.init();
    return app;
  };

  it.each([
    ['in-process, without a Redis URL', {}, InProcessTransport],
    ['BullMQ, with a Redis URL', { redisUrl: testRedisUrl(), prefix }, BullMqTransport],
  ] as const)('wires %s: outbox rows reach consumers once the app is up', async (_, options, kind) => {
    const app = await boot(options);
    const relay = app.get(OutboxRelay);
    try {
      const transport = app.get<MessageTransport>(MESSAGE_TRANSPORT);
      expect(transport).toBeInstanceOf(kind);
      expect(relay.isRunning).toBe(true);

      const queue = `wired-${kind.name}`;
      const seen: TransportMessage[] = [];
      await transport.consume(queue, async (m) => void seen.push(m), { concurrency: 1 });
      const id = `wired:${kind.name}`;
      await app
        .get(DataSource)
        .transaction((manager) =>
          app.get(Outbox).enqueue(manager, [{ queue, name: 'Wired', payload: { ok: true }, messageId: id }]),
        );
      await eventually(() => seen.length === 1);
      expect(seen[0]).toEqual({ id, name: 'Wired', payload: { ok: true } });
    } finally {
      await app.close();
    }
    expect(relay.isRunning).toBe(false);
  });
});
