import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataSource } from 'typeorm';
import { EventStore } from './event-store';
import { WrongExpectedVersionError } from './errors';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS } from './schema/event-store-schema.migration';
import type { StoredEvent } from './types';

// Database set-up and concurrency tests can be slow on a loaded machine (Jest's default is 5 s).
jest.setTimeout(60_000);

/**
 * PGlite loads its WebAssembly with a dynamic import, which Jest only supports under
 * `node --experimental-vm-modules` (the `npm run test:int` script). Without it the import would
 * crash the whole Jest process, so the suite is skipped with a warning instead.
 */
const vmModules = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) =>
  a.includes('experimental-vm-modules'),
);
if (!vmModules)
  console.warn('PGlite suite skipped: run with node --experimental-vm-modules (npm run test:int)');

/** The sandbox's embedded mode: TypeORM over `pg` to PGlite behind a loopback socket. */
(vmModules ? describe : describe.skip)('EventStore on PGlite over pglite-socket', () => {
  let db: PGlite;
  let server: PGLiteSocketServer;
  let dataSource: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    db = await PGlite.create();
    server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 20 });
    let port = 0;
    server.addEventListener('listening', (event) => {
      port = (event as CustomEvent<{ port: number }>).detail.port;
    });
    await server.start();
    dataSource = new DataSource({
      type: 'postgres',
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      entities: EVENT_STORE_ENTITIES,
      migrations: EVENT_STORE_MIGRATIONS,
      synchronize: false,
      logging: false,
      extra: { max: 4 },
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    store = new EventStore(dataSource);
  });

  afterAll(async () => {
    await store?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
    await server?.stop();
    await db?.close();
  });

  it('appends, reads a stream, reads all and rejects a wrong expected version', async () => {
    const first = await store.append('pg-1', 'no-stream', [
      { type: 'Issued', data: { qty: 1 } },
      { type: 'Issued', data: { qty: 2 } },
    ]);
    expect(first.nextVersion).toBe(2);
    await store.append('pg-2', 'any', [{ type: 'Issued', data: { qty: 3 } }]);
    await expect(store.append('pg-1', 1, [{ type: 'Issued', data: { qty: 9 } }])).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect((await store.readStream('pg-1')).map((e) => e.streamVersion)).toEqual([1, 2]);

    const all: StoredEvent[] = [];
    for await (const e of store.readAll({ batchSize: 2 })) all.push(e);
    expect(all.map((e) => [e.streamId, e.streamVersion])).toEqual([
      ['pg-1', 1],
      ['pg-1', 2],
      ['pg-2', 1],
    ]);
  });

  it('delivers live appends to a subscriber by polling', async () => {
    const seen: number[] = [];
    const sub = store.subscribe({
      pollIntervalMs: 25,
      handler: (events) => {
        for (const e of events) seen.push(e.globalPosition);
      },
    });
    // A second store has no in-process wake-up: only NOTIFY or the poll can deliver this.
    const other = new EventStore(dataSource, { listen: false });
    await other.append('pg-3', 'no-stream', [{ type: 'Issued', data: { qty: 4 } }]);
    const deadline = Date.now() + 20_000;
    while (seen.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await sub.stop();
    expect(seen).toHaveLength(4);
  });
});
