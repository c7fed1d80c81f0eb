import { startEmbeddedPostgres, type EmbeddedPostgres } from '@app/platform';
import { DataSource } from 'typeorm';
import { idempotentHandler } from '../consumers/idempotent-handler';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../schema/messaging-schema.migration';
import { eventually } from '../testing/eventually';
import { InProcessTransport } from '../transport/in-process-transport';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

jest.setTimeout(60_000);

/** PGlite needs `node --experimental-vm-modules` under Jest (the `npm run test:int` script). */
const vmModules = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) =>
  a.includes('experimental-vm-modules'),
);
if (!vmModules)
  console.warn('PGlite suite skipped: run with node --experimental-vm-modules (npm run test:int)');

/** The embedded mode: PGlite behind pglite-socket, where NOTIFY may never arrive. */
(vmModules ? describe : describe.skip)('outbox, relay and idempotent consumer on PGlite', () => {
  let pg: EmbeddedPostgres;
  let dataSource: DataSource;

  beforeAll(async () => {
    pg = await startEmbeddedPostgres();
    dataSource = new DataSource({
      type: 'postgres',
      url: pg.url,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
      synchronize: false,
      logging: false,
      extra: { max: 4 },
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query(`CREATE TABLE results (message_id text NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await pg.stop();
  });

  it('delivers committed messages once and never rolled-back ones', async () => {
    const transport = new InProcessTransport({ log: () => undefined });
    const apply = idempotentHandler(dataSource, 'pglite-test', async (m, manager) => {
      await manager.query(`INSERT INTO results (message_id) VALUES ($1)`, [m.id]);
    });
    await transport.consume('q', apply, { concurrency: 1 });
    const relay = new OutboxRelay(dataSource, transport, { pollIntervalMs: 20, log: () => undefined });
    await relay.start();

    const outbox = new Outbox();
    const ids = [...Array(100).keys()].map((n) => `cmd:${n}`);
    await dataSource.transaction((manager) =>
      outbox.enqueue(
        manager,
        ids.map((id) => ({ queue: 'q', name: 'Apply', payload: { id }, messageId: id })),
      ),
    );
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, [{ queue: 'q', name: 'Apply', payload: {}, messageId: 'rolled-back' }]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    // A redelivery of an applied message changes nothing.
    await eventually(async () => {
      const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM results`)) as { n: number }[];
      return n === ids.length;
    });
    await transport.publish('q', { id: 'cmd:0', name: 'Apply', payload: {} });
    await transport.whenIdle();
    await relay.stop();
    await transport.close();

    const rows = (await dataSource.query(`SELECT message_id FROM results`)) as { message_id: string }[];
    expect(rows.map((r) => r.message_id).sort()).toEqual([...ids].sort());
  });
});
