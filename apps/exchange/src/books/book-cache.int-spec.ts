import { bookStreamId } from '@app/contracts';
import { EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { AppConfig, InstrumentCatalogue } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { BookCache } from './book-cache';
import { BookSnapshotter } from './book-snapshotter';
import { InstrumentBook } from './instrument-book';
import { BookCommand, randomBookCommands } from './testing/random-commands';

const SYMBOL = 'CQEA-2025';
const run = (book: InstrumentBook, c: BookCommand) =>
  c.name === 'PlaceOrder' ? book.place(c.payload) : book.cancel(c.orderId);

describe('BookCache on PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;
  const catalogue = InstrumentCatalogue.load('seeds');

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: EVENT_STORE_MIGRATIONS });
    store = new EventStore(db.dataSource, { listen: false, notify: false });
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  describe('given a book stream of 4,000 commands with a snapshot every 1,000 events', () => {
    beforeAll(async () => {
      const snapshots = new BookSnapshotter(store, { EXCHANGE_SNAPSHOT_EVERY: 1000 } as AppConfig);
      const live = new InstrumentBook(catalogue.get(SYMBOL)!);
      for (const command of randomBookCommands(SYMBOL, 4000, 11)) {
        const events = run(live, command);
        if (events.length === 0) continue;
        live.version = (await store.append(bookStreamId(SYMBOL), live.version, events)).nextVersion;
        snapshots.saveIfDue(live);
        await snapshots.flush();
      }
    });

    it('a book from the newest snapshot plus the tail equals one replayed from the first event', async () => {
      const snapshot = await store.loadSnapshot<{ version: number }>(bookStreamId(SYMBOL));
      const finalVersion = await store.currentVersion(bookStreamId(SYMBOL));
      expect(snapshot!.version).toBeGreaterThanOrEqual(finalVersion - 1000);
      expect(snapshot!.version).toBeLessThan(finalVersion);

      const fromSnapshot = await new BookCache(store, catalogue).load(SYMBOL);
      await db.dataSource.query('DELETE FROM snapshots');
      const fromStart = await new BookCache(store, catalogue).load(SYMBOL);

      expect(fromSnapshot.snapshotVersion).toBe(snapshot!.version);
      expect(fromStart.snapshotVersion).toBe(0);
      expect(fromSnapshot.version).toBe(finalVersion);
      expect(fromStart.version).toBe(finalVersion);
      expect(fromSnapshot.lastTradeNo).toBe(fromStart.lastTradeNo);
      expect(fromSnapshot.depth(1000)).toEqual(fromStart.depth(1000));
      for (const command of randomBookCommands(SYMBOL, 1000, 12, 3600, 'next-'))
        expect(run(fromSnapshot, command)).toEqual(run(fromStart, command));
      expect(fromSnapshot.depth(1000)).toEqual(fromStart.depth(1000));
    });
  });
});
