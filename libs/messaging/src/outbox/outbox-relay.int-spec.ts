import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { MESSAGING_MIGRATIONS } from '../schema/messaging-schema.migration';
import { InProcessTransport } from '../transport/in-process-transport';
import type { TransportMessage } from '../transport/message-transport';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

const silent = (): void => undefined;
jest.setTimeout(60_000);
const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('OutboxRelay (PostgreSQL, in-process transport)', () => {
  let db: TestDatabase;
  let transport: InProcessTransport;
  let received: TransportMessage[];
  const outbox = new Outbox();

  beforeEach(async () => {
    db = await createTestDatabase({ migrations: MESSAGING_MIGRATIONS });
    transport = new InProcessTransport({ log: silent });
    received = [];
    await transport.consume('orders', async (m) => void received.push(m), { concurrency: 1 });
  });
  afterEach(async () => {
    await transport.close();
    await db.drop();
  });

  const enqueue = (ids: string[], queue = 'orders'): Promise<void> =>
    db.dataSource.transaction((manager) =>
      outbox.enqueue(
        manager,
        ids.map((id) => ({
          queue,
          name: 'PlaceOrder',
          payload: { id, note: `it's "quoted" \\ {}` },
          messageId: id,
        })),
      ),
    );

  it('never publishes rows written in a transaction that rolled back', async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, [
          { queue: 'orders', name: 'PlaceOrder', payload: {}, messageId: 'lost:1' },
        ]);
        throw new Error('the command failed after writing its messages');
      }),
    ).rejects.toThrow('the command failed');
    await enqueue(['kept:1']);
    const relay = new OutboxRelay(db.dataSource, transport, { pollIntervalMs: 20, log: silent });
    await relay.start();
    await until(() => received.length === 1);
    await relay.stop();
    await transport.whenIdle();
    expect(received.map((m) => m.id)).toEqual(['kept:1']);
    const [{ n }] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox`)) as { n: number }[];
    expect(n).toBe(1);
  });

  it('publishes committed rows in order, with their payload intact, and marks them published', async () => {
    const ids = [...Array(1200).keys()].map((n) => `cmd:${n}`);
    for (let i = 0; i < ids.length; i += 100) await enqueue(ids.slice(i, i + 100));
    const relay = new OutboxRelay(db.dataSource, transport, {
      pollIntervalMs: 20,
      batchSize: 250,
      log: silent,
    });
    await relay.start();
    await until(() => received.length === ids.length);
    await relay.stop();
    expect(received.map((m) => m.id)).toEqual(ids);
    expect(received[0]).toEqual({
      id: 'cmd:0',
      name: 'PlaceOrder',
      payload: { id: 'cmd:0', note: `it's "quoted" \\ {}` },
    });
    const [{ n }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
    )) as { n: number }[];
    expect(n).toBe(0);
  });

  it('ignores a message id enqueued twice', async () => {
    await enqueue(['dup:1']);
    await enqueue(['dup:1', 'dup:2']);
    const rows = (await db.dataSource.query(`SELECT message_id FROM outbox ORDER BY id`)) as {
      message_id: string;
    }[];
    expect(rows.map((r) => r.message_id)).toEqual(['dup:1', 'dup:2']);
  });

  it('wakes on NOTIFY well before its polling interval', async () => {
    const relay = new OutboxRelay(db.dataSource, transport, { pollIntervalMs: 60_000, log: silent });
    await relay.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await enqueue(['wake:1']);
    await until(() => received.length === 1, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    await relay.stop();
  });

  it('works by polling alone (no LISTEN, as under PGlite)', async () => {
    const relay = new OutboxRelay(db.dataSource, transport, {
      listen: false,
      pollIntervalMs: 20,
      log: silent,
    });
    await relay.start();
    await enqueue(['poll:1', 'poll:2']);
    await until(() => received.length === 2);
    await relay.stop();
    expect(received.map((m) => m.id)).toEqual(['poll:1', 'poll:2']);
  });

  it('stands by after finding another relay with the turn: polls, no longer races it for every NOTIFY', async () => {
    // Another relay's turn, held by a transaction of the test's own.
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT pg_try_advisory_xact_lock(hashtext('messaging.outbox_relay'))`);
    const relay = new OutboxRelay(db.dataSource, transport, { pollIntervalMs: 1_500, log: silent });
    const rounds = jest.spyOn(relay, 'publishPending');
    await relay.start();
    await until(() => rounds.mock.calls.length === 1);
    await rounds.mock.results[0].value;
    for (const id of ['standby:1', 'standby:2', 'standby:3']) await enqueue([id]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rounds).toHaveBeenCalledTimes(1); // three NOTIFYs heard, none raced for
    await holder.commitTransaction();
    await holder.release();
    await until(() => received.length === 3, 5_000); // the next poll takes the turn
    await relay.stop();
    expect(received.map((m) => m.id)).toEqual(['standby:1', 'standby:2', 'standby:3']);
  });

  it('lets several relays run together without losing or reordering messages', async () => {
    const relays = [1, 2, 3].map(
      () => new OutboxRelay(db.dataSource, transport, { pollIntervalMs: 5, batchSize: 7, log: silent }),
    );
    await Promise.all(relays.map((r) => r.start()));
    const ids = [...Array(300).keys()].map((n) => `multi:${n}`);
    for (let i = 0; i < ids.length; i += 10) await enqueue(ids.slice(i, i + 10));
    await until(async () => {
      const [{ n }] = (await db.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
      )) as { n: number }[];
      return n === 0;
    });
    await Promise.all(relays.map((r) => r.stop()));
    await transport.whenIdle();
    expect(received.map((m) => m.id)).toEqual(ids);
  });

  it('prunes published rows a consumer processed, and keeps the others', async () => {
    await enqueue(['done:1', 'pending:1']);
    const relay = new OutboxRelay(db.dataSource, transport, { pollIntervalMs: 20, log: silent });
    await relay.start();
    await until(() => received.length === 2);
    await relay.stop();
    await db.dataSource.query(`INSERT INTO processed_messages (consumer, message_id) VALUES ('c', 'done:1')`);
    expect(await relay.prune(0)).toBe(1);
    const rows = (await db.dataSource.query(`SELECT message_id FROM outbox`)) as { message_id: string }[];
    expect(rows.map((r) => r.message_id)).toEqual(['pending:1']);
  });
});
