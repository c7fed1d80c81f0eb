import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { EventStore } from './event-store';
import { EVENT_STORE_ERRORS, WrongExpectedVersionError } from './errors';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS } from './schema/event-store-schema.migration';
import type { NewEvent, StoredEvent } from './types';

// Database set-up and concurrency tests can be slow on a loaded machine (Jest's default is 5 s).
jest.setTimeout(60_000);

const ev = (n: number): NewEvent => ({ type: 'UnitsIssued', data: { n }, metadata: { commandId: `c-${n}` } });

async function collect(store: EventStore, batchSize = 7): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.readAll({ batchSize })) out.push(e);
  return out;
}

describe('EventStore (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({
      entities: EVENT_STORE_ENTITIES,
      migrations: EVENT_STORE_MIGRATIONS,
      poolSize: 25,
    });
    store = new EventStore(db.dataSource);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('appends a new stream from version 1 and reads it back', async () => {
    const result = await store.append('acct-1', 'no-stream', [ev(1), ev(2), ev(3)]);
    expect(result.nextVersion).toBe(3);
    const events = await store.readStream('acct-1');
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(events[0].metadata.commandId).toBe('c-1');
    expect(result.lastPosition).toBe(events[2].globalPosition);
    expect(events[0].recordedAt).toBeInstanceOf(Date);
    expect(await store.readStream('acct-1', { fromVersion: 2, maxCount: 1 })).toHaveLength(1);
  });

  it('checks the expected version and appends nothing on conflict', async () => {
    await store.append('acct-2', 0, [ev(1)]);
    await expect(store.append('acct-2', 'no-stream', [ev(2)])).rejects.toMatchObject({
      code: EVENT_STORE_ERRORS.WRONG_EXPECTED_VERSION,
      streamId: 'acct-2',
      expected: 'no-stream',
      actual: 1,
    });
    await expect(store.append('acct-2', 5, [ev(2), ev(3)])).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(store.append('acct-missing', 2, [ev(2)])).rejects.toMatchObject({ actual: 0 });
    expect(await store.readStream('acct-2')).toHaveLength(1);
    expect(await store.readStream('acct-missing')).toHaveLength(0);
    expect((await store.append('acct-2', 1, [ev(2)])).nextVersion).toBe(2);
    expect((await store.append('acct-2', 'any', [ev(3)])).nextVersion).toBe(3);
    expect((await store.append('acct-new', 'any', [ev(1)])).nextVersion).toBe(1);
    expect(await store.append('acct-2', 3, [])).toEqual({ nextVersion: 3, lastPosition: null });
  });

  it('lets exactly one of 20 concurrent appenders win each version, with no gaps', async () => {
    const stream = 'serial-block-1';
    let version = 0;
    for (let round = 0; round < 5; round++) {
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.append(stream, version === 0 ? 'no-stream' : version, [ev(i), ev(i)]),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a) => a.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const l of lost)
        expect((l as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      version += 2;
    }
    const events = await store.readStream(stream);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it("keeps versions gap-free under concurrent 'any' appends", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.append('busy', 'any', [ev(i), ev(i), ev(i)])),
    );
    const events = await store.readStream('busy');
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('runs inside the caller transaction and rolls back with it', async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        await store.append('tx-1', 'no-stream', [ev(1)], { manager });
        expect(await store.readStream('tx-1', { manager })).toHaveLength(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.readStream('tx-1')).toHaveLength(0);
    expect(await store.currentVersion('tx-1')).toBe(0);
  });

  it('appendMany is all or nothing', async () => {
    await store.append('m-2', 'no-stream', [ev(1)]);
    await expect(
      store.appendMany([
        { streamId: 'm-1', expectedVersion: 'no-stream', events: [ev(1)] },
        { streamId: 'm-2', expectedVersion: 'no-stream', events: [ev(2)] },
      ]),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.readStream('m-1')).toHaveLength(0);
    const ok = await store.appendMany([
      { streamId: 'm-1', expectedVersion: 'no-stream', events: [ev(1)] },
      { streamId: 'm-2', expectedVersion: 1, events: [ev(2)] },
    ]);
    expect(ok.map((r) => r.nextVersion)).toEqual([1, 2]);
  });

  it('appendInOrder keeps the given order across streams and numbers each stream on from where it was', async () => {
    await store.append('io-a', 'no-stream', [ev(0)]);
    await store.appendInOrder([
      { streamId: 'io-a', event: ev(1) },
      { streamId: 'io-b', event: ev(2) },
      { streamId: 'io-a', event: ev(3) },
      { streamId: 'io-b', event: ev(4) },
      { streamId: 'io-a', event: ev(5) },
    ]);
    const a = await store.readStream('io-a');
    const b = await store.readStream('io-b');
    expect(a.map((e) => [e.streamVersion, e.data])).toEqual([
      [1, { n: 0 }],
      [2, { n: 1 }],
      [3, { n: 3 }],
      [4, { n: 5 }],
    ]);
    expect(b.map((e) => [e.streamVersion, e.data])).toEqual([
      [1, { n: 2 }],
      [2, { n: 4 }],
    ]);
    expect(b[1].metadata).toMatchObject({ commandId: 'c-4' });
    const byPosition = [...a.slice(1), ...b].sort((x, y) => x.globalPosition - y.globalPosition);
    expect(byPosition.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
    expect(await store.currentVersion('io-a')).toBe(4);
  });

  it('readAll returns every event exactly once, in one total order, across batch boundaries', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.append(`ra-${i}`, 'any', [ev(i), ev(i + 1)])),
    );
    const all = await collect(store);
    const total = await db.dataSource.query<{ n: string }[]>('SELECT count(*)::text AS n FROM events');
    expect(all).toHaveLength(Number(total[0].n));
    expect(new Set(all.map((e) => e.globalPosition)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(
        a.transactionId < b.transactionId ||
          (a.transactionId === b.transactionId && a.globalPosition < b.globalPosition),
      ).toBe(true);
    }
    expect(await collect(store, 1000)).toEqual(all);
  });
});
