import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { EntityManager } from 'typeorm';
import { EventStore } from '../event-store';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS } from '../schema/event-store-schema.migration';
import type { StoredEvent } from '../types';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

// Database set-up and concurrency tests can be slow on a loaded machine (Jest's default is 5 s).
jest.setTimeout(60_000);

type Moved = { type: 'UnitsMoved'; data: { account: string; delta: number } };

/** Balances plus one line per event: enough to see a batch applied twice or skipped. */
const holdings: Projection<Moved> = {
  name: 'holdings',
  async handle(events: StoredEvent<Moved>[], manager: EntityManager) {
    for (const e of events) {
      await manager.query(
        `INSERT INTO holdings (account, balance, events) VALUES ($1, $2, 1)
         ON CONFLICT (account) DO UPDATE SET balance = holdings.balance + $2, events = holdings.events + 1`,
        [e.data.account, e.data.delta],
      );
      await manager.query(`INSERT INTO holding_lines (global_position, account, delta) VALUES ($1, $2, $3)`, [
        e.globalPosition,
        e.data.account,
        e.data.delta,
      ]);
    }
  },
  async reset(manager: EntityManager) {
    await manager.query('TRUNCATE holdings, holding_lines');
  },
};

async function dump(db: TestDatabase): Promise<string> {
  const a = await db.dataSource.query('SELECT * FROM holdings ORDER BY account');
  const b = await db.dataSource.query('SELECT * FROM holding_lines ORDER BY global_position');
  return JSON.stringify([a, b]);
}

describe('ProjectionRunner (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ entities: EVENT_STORE_ENTITIES, migrations: EVENT_STORE_MIGRATIONS });
    await db.dataSource.query(
      'CREATE TABLE holdings (account text PRIMARY KEY, balance bigint NOT NULL, events int NOT NULL)',
    );
    await db.dataSource.query(
      'CREATE TABLE holding_lines (global_position bigint PRIMARY KEY, account text NOT NULL, delta bigint NOT NULL)',
    );
    store = new EventStore(db.dataSource);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const move = (account: string, delta: number) => ({ type: 'UnitsMoved', data: { account, delta } });

  it('applies every event exactly once while appends run, and a rebuild gives identical rows', async () => {
    const runner = new ProjectionRunner(db.dataSource, store, [holdings as Projection], {
      batchSize: 17,
      pollIntervalMs: 20,
    });
    const second = new ProjectionRunner(db.dataSource, store, [holdings as Projection], { batchSize: 5 });
    runner.start();
    second.start(); // competing runner: the checkpoint row lock must keep batches exactly-once
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 15; i++)
          await store.append(`acct-${w}`, 'any', [move(`a${w}`, i + 1), move(`b${i % 3}`, -1)]);
      }),
    );
    await runner.catchUp();
    await runner.stop();
    await second.stop();

    const [totals] = await db.dataSource.query<{ lines: string; events: string }[]>(
      `SELECT (SELECT count(*) FROM holding_lines)::text AS lines, (SELECT count(*) FROM events)::text AS events`,
    );
    expect(totals.lines).toBe(totals.events);
    const [{ balance }] = await db.dataSource.query<{ balance: string }[]>(
      `SELECT sum(balance)::text AS balance FROM holdings`,
    );
    expect(Number(balance)).toBe(8 * ((15 * 16) / 2) - 8 * 15);

    const last: StoredEvent[] = [];
    for await (const e of store.readAll()) last.splice(0, 1, e);
    expect(await runner.checkpoint('holdings')).toEqual({
      transactionId: last[0].transactionId,
      globalPosition: last[0].globalPosition,
    });

    const before = await dump(db);
    expect(await runner.rebuild('holdings')).toBe(Number(totals.events));
    expect(await dump(db)).toBe(before);
  });

  it('rolls back the read-model rows and the checkpoint together when a batch fails', async () => {
    const failing: Projection = {
      name: 'failing',
      async handle(_events, manager) {
        await manager.query(`INSERT INTO holdings (account, balance, events) VALUES ('poison', 1, 1)`);
        throw new Error('boom');
      },
    };
    const runner = new ProjectionRunner(db.dataSource, store, [failing]);
    await expect(runner.runBatch('failing')).rejects.toThrow('boom');
    expect(await runner.checkpoint('failing')).toEqual({ transactionId: 0, globalPosition: 0 });
    expect(await db.dataSource.query(`SELECT 1 FROM holdings WHERE account = 'poison'`)).toHaveLength(0);
    await expect(runner.rebuild('nope')).rejects.toMatchObject({ code: 'EVENT_STORE.UNKNOWN_PROJECTION' });
  });
});
