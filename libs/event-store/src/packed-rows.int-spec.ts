import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { EventStore } from './event-store';
import { readLogPage } from './read-log-page';
import { READ_ALL_SQL, READ_STREAM_SQL } from './sql/rows';
import { EVENT_STORE_MIGRATIONS, EventStoreSchema1764000000000 } from './schema/event-store-schema.migration';
import { PackedEvents1764000600000, POSITIONS_PER_ROW } from './schema/packed-events.migration';
import type { Checkpoint, NewEvent, StoredEvent } from './types';

jest.setTimeout(60_000);

const ev = (n: number): NewEvent => ({ type: 'E', data: { n } });
const numbers = (events: readonly StoredEvent[]) => events.map((e) => (e.data as { n: number }).n);

async function readAll(store: EventStore, batchSize: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.readAll({ batchSize })) out.push(e);
  return out;
}

describe('packed event rows', () => {
  describe('a fresh store', () => {
    let db: TestDatabase;
    let store: EventStore;

    beforeAll(async () => {
      db = await createTestDatabase({ migrations: EVENT_STORE_MIGRATIONS });
      store = new EventStore(db.dataSource);
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
    });

    it('stores one row per append, and hands out each event at its own position and version', async () => {
      await store.append('a', 'no-stream', [ev(1), ev(2), ev(3)]);
      await store.append('b', 'no-stream', [ev(4)]);
      await store.append('a', 3, [ev(5), ev(6)]);
      const [{ rows }] = await db.dataSource.query(`SELECT count(*)::int AS rows FROM event_rows`);
      expect(rows).toBe(3);
      const all = await readAll(store, 100);
      expect(numbers(all)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(all.map((e) => `${e.streamId}@${e.streamVersion}`)).toEqual([
        'a@1',
        'a@2',
        'a@3',
        'b@1',
        'a@4',
        'a@5',
      ]);
      const positions = all.map((e) => e.globalPosition);
      expect(new Set(positions).size).toBe(6);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      // The view outside readers use shows the same events at the same positions.
      const view: { global_position: string; stream_version: number }[] = await db.dataSource.query(
        `SELECT global_position::text, stream_version FROM events e ORDER BY e.global_position`,
      );
      expect(view.map((r) => Number(r.global_position))).toEqual(positions);
    });

    it('pages through a row from any event in it, by position and by version', async () => {
      const all = await readAll(store, 100);
      for (const size of [1, 2, 4]) expect(numbers(await readAll(store, size))).toEqual(numbers(all));
      expect(numbers(await store.readStream('a', { fromVersion: 2, maxCount: 3 }))).toEqual([2, 3, 5]);
      expect(numbers(await store.readStream('a', { fromVersion: 5 }))).toEqual([6]);
      expect(await store.readStream('a', { fromVersion: 6 })).toEqual([]);
    });

    it('pages the log in position order for tools (readLogPage)', async () => {
      const all = await readAll(store, 100);
      const paged: StoredEvent[] = [];
      for (let after = 0; ;) {
        const page = await readLogPage(db.dataSource.manager, after, 4);
        paged.push(...page);
        if (page.length < 4) break;
        after = page[page.length - 1].globalPosition;
      }
      expect(paged).toEqual(all);
    });

    it('reads only the rows a page needs, not the big rows after it', async () => {
      const tens = Array.from({ length: 10 }, (_, i) => ev(100 + i));
      const before = await store.currentVersion('tens');
      for (let k = 0; k < 3; k++) await store.append('tens', before + k * 10, tens);
      const all = await readAll(store, 1000);
      const first = all.find((e) => e.streamId === 'tens')!;
      const from = all[all.indexOf(first) - 1];
      const rowsFor = async (limit: number, after: Checkpoint = from) =>
        (
          (await db.dataSource.query(READ_ALL_SQL, [
            String(after.transactionId),
            after.globalPosition,
            limit,
          ])) as unknown[]
        ).length;
      expect(await rowsFor(5)).toBe(1);
      expect(await rowsFor(10)).toBe(1);
      expect(await rowsFor(11)).toBe(2);
      // From the middle of the first row: its 6 events left, then the next row.
      expect(await rowsFor(7, { ...first, globalPosition: first.globalPosition + 3 })).toBe(2);
      expect(await rowsFor(6, { ...first, globalPosition: first.globalPosition + 3 })).toBe(1);
      const streamRows = async (fromVersion: number, limit: number | null) =>
        ((await db.dataSource.query(READ_STREAM_SQL, ['tens', fromVersion, limit])) as unknown[]).length;
      expect(await streamRows(before + 1, 10)).toBe(1);
      expect(await streamRows(before + 5, 6)).toBe(1);
      expect(await streamRows(before + 5, 7)).toBe(2);
      expect(await streamRows(before + 1, null)).toBe(3);
      expect(numbers(await store.readStream('tens', { fromVersion: before + 5, maxCount: 7 }))).toEqual([
        104, 105, 106, 107, 108, 109, 100,
      ]);
    });

    it('cuts an append longer than a row into rows that read back in order', async () => {
      const many = Array.from({ length: POSITIONS_PER_ROW + 3 }, (_, i) => ev(1000 + i));
      await store.append('long', 'no-stream', many);
      const events = await store.readStream('long');
      expect(events.map((e) => e.streamVersion)).toEqual(many.map((_, i) => i + 1));
      expect(numbers(events)).toEqual(many.map((e) => (e.data as { n: number }).n));
      const rows: { count: number }[] = await db.dataSource.query(
        `SELECT count FROM event_rows WHERE stream_id = 'long' ORDER BY position`,
      );
      expect(rows.map((r) => r.count)).toEqual([POSITIONS_PER_ROW, 3]);
      expect(
        numbers(await store.readStream('long', { fromVersion: POSITIONS_PER_ROW, maxCount: 2 })),
      ).toEqual([1000 + POSITIONS_PER_ROW - 1, 1000 + POSITIONS_PER_ROW]);
    });

    it('keeps the order across streams of an interleaved append, one row per run', async () => {
      const before = await store.currentVersion('a');
      await store.appendInOrder([
        { streamId: 'x', event: ev(1) },
        { streamId: 'x', event: ev(2) },
        { streamId: 'a', event: ev(3) },
        { streamId: 'x', event: ev(4) },
      ]);
      const x = await store.readStream('x');
      expect(numbers(x)).toEqual([1, 2, 4]);
      expect(x.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      const [a] = await store.readStream('a', { fromVersion: before + 1 });
      expect(a.streamVersion).toBe(before + 1);
      expect(x[1].globalPosition).toBeLessThan(a.globalPosition);
      expect(a.globalPosition).toBeLessThan(x[2].globalPosition);
      const [{ rows }] = await db.dataSource.query(
        `SELECT count(*)::int AS rows FROM event_rows WHERE stream_id IN ('x') OR (stream_id = 'a' AND first_version > $1)`,
        [before],
      );
      expect(rows).toBe(3);
    });
  });

  describe('migrating a store of one row per event', () => {
    let db: TestDatabase;
    let store: EventStore;

    beforeAll(async () => {
      db = await createTestDatabase({ migrations: [EventStoreSchema1764000000000] });
      store = new EventStore(db.dataSource);
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
    });

    it('keeps every event at its position, version, type, data and metadata, and appends after them', async () => {
      await db.dataSource.query(`
        INSERT INTO streams (stream_id, version) VALUES ('a', 2), ('b', 1);
        INSERT INTO events (stream_id, stream_version, type, data, metadata) VALUES
          ('a', 1, 'E', '{"n": 1}', '{"commandId": "c1"}'),
          ('b', 1, 'E', '{"n": 2}', '{}'),
          ('a', 2, 'E', '{"n": 3}', '{}');`);
      const old: object[] = await db.dataSource.query(
        `SELECT global_position::text, stream_id, stream_version, type, data, metadata, transaction_id::text FROM events ORDER BY 1`,
      );
      const runner = db.dataSource.createQueryRunner();
      try {
        await new PackedEvents1764000600000().up(runner);
      } finally {
        await runner.release();
      }
      const now: object[] = await db.dataSource.query(
        `SELECT global_position::text, stream_id, stream_version, type, data, metadata, transaction_id::text FROM events ORDER BY 1`,
      );
      expect(now).toEqual(old);
      await store.append('a', 2, [ev(4), ev(5)]);
      const all = await readAll(store, 2);
      expect(numbers(all)).toEqual([1, 2, 3, 4, 5]);
      expect(all[2].globalPosition).toBeLessThan(all[3].globalPosition);
      expect(numbers(await store.readStream('a', { fromVersion: 2 }))).toEqual([3, 4, 5]);
      expect(all[0].metadata).toEqual({ commandId: 'c1' });
    });

    it('goes back to one row per event and forward again without losing or moving an event', async () => {
      const before = await readAll(store, 100);
      const runner = db.dataSource.createQueryRunner();
      try {
        await new PackedEvents1764000600000().down(runner);
        const rows: { p: string }[] = await db.dataSource.query(
          `SELECT global_position::text AS p FROM events e ORDER BY e.global_position`,
        );
        expect(rows.map((r) => Number(r.p))).toEqual(before.map((e) => e.globalPosition));
        await new PackedEvents1764000600000().up(runner);
      } finally {
        await runner.release();
      }
      expect(await readAll(store, 100)).toEqual(before);
    });
  });
});
