import { CATALOGUE_STREAM, exchangeQueueFor, InstrumentRulesChangedData } from '@app/contracts';
import { EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { MESSAGING_MIGRATIONS, Outbox } from '@app/messaging';
import { InstrumentCatalogue, parseAppConfig } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { BookRulesScheduler } from './book-rules-scheduler';

const EFFECTIVE = Date.parse('2026-12-01T00:00:00+08:00');

describe('BookRulesScheduler on PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;
  let now = EFFECTIVE - 60_000;
  const clock = { now: () => now };
  const scheduler = (catalogue: InstrumentCatalogue) =>
    new BookRulesScheduler(
      db.dataSource,
      store,
      new Outbox(),
      catalogue,
      clock,
      parseAppConfig({ EXCHANGE_SHARDS: '4' }),
    );

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS] });
    store = new EventStore(db.dataSource, { listen: false });
    const decision: InstrumentRulesChangedData = {
      symbol: 'CQEA-2025',
      decisionId: 'cq-2026-17',
      regulator: 'cq-regulator',
      effectiveFrom: '2026-12-01',
      effectiveFromMs: EFFECTIVE,
      changes: {
        referencePrice: 4000,
        hours: { timezone: 'Asia/Shanghai', continuous: [['09:00', '15:00']], block: [['13:00', '15:00']] },
      },
      decidedAt: EFFECTIVE - 86_400_000,
    };
    await store.append(CATALOGUE_STREAM, 'any', [{ type: 'InstrumentRulesChanged', data: decision }]);
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('learns a decision at once and sends its book rules to the shard queue when it takes effect, once', async () => {
    const catalogue = InstrumentCatalogue.load('seeds');
    const first = scheduler(catalogue);
    expect(await first.tick()).toBe(0);
    expect(catalogue.rulesAt('CQEA-2025', EFFECTIVE)?.hours.continuous).toEqual([['09:00', '15:00']]);

    now = EFFECTIVE + 500;
    expect(await first.tick()).toBe(1);
    expect(await first.tick()).toBe(0);
    expect(await scheduler(InstrumentCatalogue.load('seeds')).tick()).toBe(1); // another process

    const rows = (await db.dataSource.query(
      `SELECT queue, name, message_id, payload FROM outbox`,
    )) as unknown[];
    expect(rows).toEqual([
      {
        queue: exchangeQueueFor('CQEA-2025', 4),
        name: 'ConfigureBook',
        message_id: 'configure:CQEA-2025:cq-2026-17',
        payload: {
          commandId: 'configure:CQEA-2025:cq-2026-17',
          instrument: 'CQEA-2025',
          decisionId: 'cq-2026-17',
          effectiveFromMs: EFFECTIVE,
          changes: { referencePrice: 4000 },
          receivedAt: EFFECTIVE + 500,
        },
      },
    ]);
  });
});
