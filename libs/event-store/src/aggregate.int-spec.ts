import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import fc from 'fast-check';
import { EventStore } from './event-store';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS } from './schema/event-store-schema.migration';
import type { StoredEvent } from './types';

// Database set-up and concurrency tests can be slow on a loaded machine (Jest's default is 5 s).
jest.setTimeout(60_000);

type Issued = { type: 'Issued'; data: { qty: number } };
type Retired = { type: 'Retired'; data: { qty: number } };
type BlockEvent = Issued | Retired;
interface Block {
  issued: number;
  retired: number;
  history: string[];
}

const definition = {
  initialState: (): Block => ({ issued: 0, retired: 0, history: [] }),
  evolve: (s: Block, e: StoredEvent<BlockEvent>): Block =>
    e.type === 'Issued'
      ? { ...s, issued: s.issued + e.data.qty, history: [...s.history, `+${e.data.qty}`] }
      : { ...s, retired: s.retired + e.data.qty, history: [...s.history, `-${e.data.qty}`] },
};

describe('snapshots and loadAggregate (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ entities: EVENT_STORE_ENTITIES, migrations: EVENT_STORE_MIGRATIONS });
    store = new EventStore(db.dataSource);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('keeps only the newest snapshot', async () => {
    await store.saveSnapshot('snap', 5, { n: 5 });
    await store.saveSnapshot('snap', 3, { n: 3 });
    expect(await store.loadSnapshot('snap')).toEqual({ version: 5, state: { n: 5 } });
    expect(await store.loadSnapshot('none')).toBeNull();
  });

  it('snapshot + tail equals the full fold, wherever the snapshot was taken', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ retire: fc.boolean(), qty: fc.integer({ min: 1, max: 1000 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.nat(),
        async (steps, cut) => {
          const streamId = `block-${run++}`;
          const events = steps.map((s) => ({ type: s.retire ? 'Retired' : 'Issued', data: { qty: s.qty } }));
          await store.append(streamId, 'no-stream', events);
          const at = cut % (events.length + 1);
          const prefix = await store.loadAggregate<Block, BlockEvent>(streamId, {
            ...definition,
            pageSize: 7,
          });
          const partial = (await store.readStream<BlockEvent>(streamId, { maxCount: at })).reduce(
            definition.evolve,
            definition.initialState(),
          );
          if (at > 0) await store.saveSnapshot(streamId, at, partial);
          const fromSnapshot = await store.loadAggregate<Block, BlockEvent>(streamId, {
            ...definition,
            pageSize: 3,
          });
          const full = await store.loadAggregate<Block, BlockEvent>(streamId, {
            ...definition,
            useSnapshot: false,
          });
          expect(fromSnapshot).toEqual(full);
          expect(prefix).toEqual(full);
          expect(full.version).toBe(events.length);
        },
      ),
      { numRuns: 30 },
    );
  });
});
