import { exchangeQueueFor } from '@app/contracts';
import { MESSAGING_MIGRATIONS, Outbox } from '@app/messaging';
import { InstrumentCatalogue, parseAppConfig } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { SessionScheduler } from './session-scheduler';

/** Shanghai is UTC+8 all year. */
const shanghai = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);

describe('SessionScheduler on PostgreSQL', () => {
  let db: TestDatabase;
  const catalogue = InstrumentCatalogue.load('seeds');
  const instruments = catalogue.list().length;
  let now = shanghai('2026-11-24T10:00');
  const clock = { now: () => now };
  const scheduler = (sessions: 'scheduled' | 'always-open') =>
    new SessionScheduler(
      db.dataSource,
      new Outbox(),
      catalogue,
      clock,
      parseAppConfig({ EXCHANGE_SESSIONS: sessions, EXCHANGE_SHARDS: '4' }),
    );
  const sessionMessages = async (symbol: string) =>
    (await db.dataSource.query(
      `SELECT queue, message_id, payload FROM outbox WHERE message_id LIKE $1 ORDER BY id`,
      [`session:${symbol}:%`],
    )) as { queue: string; message_id: string; payload: Record<string, unknown> }[];

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: MESSAGING_MIGRATIONS });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('sends each boundary once per instrument to its shard queue, whichever process sends it', async () => {
    const first = scheduler('scheduled');
    const second = scheduler('scheduled');
    expect(await first.tick()).toBe(instruments);
    expect(await first.tick()).toBe(0);

    now = shanghai('2026-11-24T11:30:20');
    expect(await first.tick()).toBe(instruments);
    await second.tick(); // another worker, started late: its messages are the same ones
    now = shanghai('2026-11-24T15:00:05');
    expect(await first.tick()).toBe(instruments);

    expect(await sessionMessages('CQEA-2025')).toEqual([
      {
        queue: exchangeQueueFor('CQEA-2025', 4),
        message_id: 'session:CQEA-2025:2026-11-24:09:30:continuous',
        payload: expect.objectContaining({
          session: 'continuous',
          tradingDay: '2026-11-24',
          closesDay: false,
        }),
      },
      {
        queue: exchangeQueueFor('CQEA-2025', 4),
        message_id: 'session:CQEA-2025:2026-11-24:11:30:closed',
        payload: expect.objectContaining({ session: 'closed', closesDay: false }),
      },
      {
        queue: exchangeQueueFor('CQEA-2025', 4),
        message_id: 'session:CQEA-2025:2026-11-24:15:00:closed',
        payload: expect.objectContaining({ session: 'closed', closesDay: true, receivedAt: now }),
      },
    ]);
  });

  it('always-open sends one continuous session per instrument when it starts, then nothing', async () => {
    now = shanghai('2026-11-28T03:00'); // a Saturday night: the demo trades anyway
    const demo = scheduler('always-open');
    expect(await demo.tick()).toBe(instruments);
    now += 3_600_000;
    expect(await demo.tick()).toBe(0);
    const [sent] = (await sessionMessages('SCEA-2025')).filter((m) => m.message_id.includes('always-open'));
    expect(sent.payload).toMatchObject({ session: 'continuous', closesDay: false });
  });
});
