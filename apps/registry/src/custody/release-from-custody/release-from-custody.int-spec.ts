import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { balanceOf } from '@app/ledger';
import { MESSAGING_MIGRATIONS, Outbox, type MessageTransport } from '@app/messaging';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { moreIntoCustody, steelWithdrawal } from '../custody-fixture';
import { given } from '../../shared/registry-fixture';
import { RegistryStreams } from '../../shared/registry-streams';
import { ReleaseFromCustodyConsumer } from './release-from-custody.consumer';

jest.setTimeout(60_000);

/**
 * The database as a delivery saw it before another delivery's acknowledgement committed: its
 * check finds nothing, its own transaction is the real one.
 */
const seenBeforeTheOtherCommitted = (db: DataSource): DataSource =>
  ({
    manager: {
      query: (sql: string, params: unknown[]) =>
        /^\s*SELECT 1 FROM processed_messages/.test(sql)
          ? Promise.resolve([])
          : db.manager.query(sql, params),
    },
    transaction: db.transaction.bind(db),
  }) as unknown as DataSource;

describe('ReleaseFromCustodyConsumer on PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({
      entities: EVENT_STORE_ENTITIES,
      migrations: [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS],
    });
    store = new EventStore(db.dataSource, { listen: false });
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await store?.close();
    await db?.drop();
  });

  it('a delivery racing a refusal of the same withdrawal moves nothing once custody holds the units', async () => {
    const streams = new RegistryStreams(db.dataSource, store);
    await given(streams, 'CQ', {
      accounts: ['steel', 'CQ-EXCHANGE'],
      allowances: [{ accountId: 'CQ-EXCHANGE', vintage: 2025, quantity: 500 }],
    });
    const outbox = new Outbox({ notify: false });
    const transport = {} as MessageTransport;
    // One delivery is refused (custody holds 500 of the 501): the exchange will credit them back.
    await new ReleaseFromCustodyConsumer(db.dataSource, streams, transport, outbox).handle(
      steelWithdrawal(501),
    );
    // Custody then receives more, and a second delivery that checked before the refusal committed
    // goes on to the registry.
    await moreIntoCustody(streams, 100);
    await new ReleaseFromCustodyConsumer(
      seenBeforeTheOtherCommitted(db.dataSource),
      streams,
      transport,
      outbox,
    ).handle(steelWithdrawal(501));

    const { ledger } = await new RegistryStreams(db.dataSource, store).load('CQ');
    expect(balanceOf(ledger, 'CQ-EXCHANGE')).toBe(600);
    expect(balanceOf(ledger, 'steel')).toBe(0);
    const transfers: unknown[] = await db.dataSource.query(
      `SELECT 1 FROM events WHERE metadata->>'commandId' = 'custody-withdrawal:steel:w-1' AND type <> 'AccountOpened'`,
    );
    expect(transfers).toEqual([]);
    expect(await db.dataSource.query('SELECT consumer, message_id FROM processed_messages')).toEqual([
      { consumer: 'registry-custody', message_id: 'custody-withdrawal:steel:w-1' },
    ]);
    expect(await db.dataSource.query('SELECT name FROM outbox')).toEqual([
      { name: 'CustodyWithdrawalRefused' },
    ]);
  });
});
