import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { QueryRunner } from 'typeorm';
import { EventStore } from '../event-store';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS } from '../schema/event-store-schema.migration';
import type { NewEvent, StoredEvent } from '../types';

// Database set-up and concurrency tests can be slow on a loaded machine (Jest's default is 5 s).
jest.setTimeout(60_000);

const ev = (tag: string): NewEvent => ({ type: 'Tagged', data: { tag } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

describe('catch-up subscription (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  const runners: QueryRunner[] = [];

  const openTransaction = async (): Promise<QueryRunner> => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    runners.push(runner);
    return runner;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ entities: EVENT_STORE_ENTITIES, migrations: EVENT_STORE_MIGRATIONS });
    store = new EventStore(db.dataSource);
  });
  afterAll(async () => {
    for (const r of runners) if (!r.isReleased) await r.release();
    await store.close();
    await db.drop();
  });

  it('reads history, then live appends woken by NOTIFY', async () => {
    await store.append('s-1', 'no-stream', [ev('h1'), ev('h2')]);
    const seen: string[] = [];
    const sub = store.subscribe({
      batchSize: 1,
      pollIntervalMs: 60_000, // only NOTIFY can wake it in time
      handler: (events: StoredEvent[]) => {
        for (const e of events) seen.push((e.data as { tag: string }).tag);
      },
    });
    await eventually(() => seen.length === 2);
    // Another store instance: no in-process wake-up, so this must arrive through LISTEN/NOTIFY.
    const other = new EventStore(db.dataSource, { listen: false });
    await other.append('s-1', 2, [ev('live')]);
    await eventually(() => seen.length === 3);
    await sub.stop();
    expect(seen).toEqual(['h1', 'h2', 'live']);
    const [live] = await store.readStream('s-1', { fromVersion: 3 });
    expect(sub.position.globalPosition).toBe(live.globalPosition);
  });

  it('never skips a transaction that took a lower position but commits later', async () => {
    const seen: string[] = [];
    const start = { transactionId: 0, globalPosition: 0 };
    const existing: StoredEvent[] = [];
    for await (const e of store.readAll()) existing.push(e);
    const sub = store.subscribe({
      fromPosition: existing.length ? existing[existing.length - 1] : start,
      pollIntervalMs: 20,
      handler: (events: StoredEvent[]) => {
        for (const e of events) seen.push((e.data as { tag: string }).tag);
      },
    });

    // A takes its transaction id first; B takes a lower global position than A's event.
    const a = await openTransaction();
    await a.query('SELECT pg_current_xact_id()');
    const b = await openTransaction();
    await store.append('late-b', 'no-stream', [ev('b')], { manager: b.manager });
    await store.append('late-a', 'no-stream', [ev('a')], { manager: a.manager });
    await a.commitTransaction();
    await eventually(() => seen.includes('a'));
    await sleep(100);
    expect(seen).toEqual(['a']);

    // C is in flight while D commits: D must wait behind C, not overtake it for good.
    const c = await openTransaction();
    await store.append('late-c', 'no-stream', [ev('c')], { manager: c.manager });
    await store.append('late-d', 'no-stream', [ev('d')]);
    await sleep(100);
    expect(seen).toEqual(['a']);

    await b.commitTransaction();
    await c.commitTransaction();
    await eventually(() => seen.length === 4);
    await sleep(100);
    await sub.stop();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);

    const positions = Object.fromEntries(
      (await store.readStream('late-b'))
        .concat(await store.readStream('late-a'))
        .map((e) => [e.streamId, e.globalPosition]),
    );
    expect(positions['late-b']).toBeLessThan(positions['late-a']);
  });

  it('stops when the handler throws and reports the error', async () => {
    const sub = store.subscribe({
      handler: () => {
        throw new Error('projection broke');
      },
    });
    await expect(sub.done).rejects.toThrow('projection broke');
  });
});
