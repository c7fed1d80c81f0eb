import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { InProcessTransport, MESSAGING_MIGRATIONS, Outbox, OutboxRelay } from '@app/messaging';
import { InstrumentCatalogue } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { MemberAccounts } from '../../../gateway/src/members/member-accounts.service';
import { DepositToCustody } from '../../../registry/src/custody/deposit-to-custody/deposit-to-custody.command';
import { DepositToCustodyHandler } from '../../../registry/src/custody/deposit-to-custody/deposit-to-custody.handler';
import { ReconcileCustodyController } from '../../../registry/src/custody/reconcile-custody/reconcile-custody.controller';
import { given } from '../../../registry/src/shared/registry-fixture';
import { RegistryStreams } from '../../../registry/src/shared/registry-streams';
import { ClearingStore } from '../clearing/clearing-store';
import { CLEARING_MIGRATIONS } from '../clearing/clearing-schema.migration';
import { CustodyDepositConsumer } from './custody-deposit.consumer';

jest.setTimeout(60_000);

const until = async (probe: () => Promise<boolean>, what: string): Promise<void> => {
  for (let i = 0; i < 200; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/**
 * A process that dies after the registry transfer committed never credits the member; the next
 * process's outbox relay delivers the message again and the idempotent consumer credits it once.
 */
describe('custody deposit recovery on PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;
  let catalogue: InstrumentCatalogue;
  const silent = () => undefined;

  beforeAll(async () => {
    db = await createTestDatabase({
      entities: EVENT_STORE_ENTITIES,
      migrations: [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CLEARING_MIGRATIONS],
    });
    store = new EventStore(db.dataSource);
    catalogue = InstrumentCatalogue.parse(
      JSON.parse(readFileSync(join(__dirname, '../../../../seeds/instruments.json'), 'utf8')),
    );
    await given(new RegistryStreams(db.dataSource, store), 'CQ', {
      accounts: ['steel'],
      allowances: [{ accountId: 'steel', vintage: 2025, quantity: 1000 }],
    });
    await new MemberAccounts(db.dataSource, new ClearingStore(store), catalogue).register({
      memberId: 'steel',
      name: 'Steel Co',
      jurisdiction: 'CQ',
    });
  });
  afterAll(() => db?.drop());

  const held = async (): Promise<number> => {
    const rows: { available: string }[] = await db.dataSource.query(
      `SELECT available FROM clearing_holdings WHERE member_id = 'steel' AND instrument = 'CQEA-2025'`,
    );
    return Number(rows[0]?.available ?? 0);
  };
  const reconciliation = async () => {
    const lines = await new ReconcileCustodyController(
      db.dataSource,
      new RegistryStreams(db.dataSource, store),
      catalogue,
    ).get('CQ');
    return lines.find((l) => l.instrument === 'CQEA-2025')!;
  };
  /** A process: its own queue (lost when it dies), relay and consumer. */
  const startProcess = async (consumerFails = false) => {
    const transport = new InProcessTransport({ attempts: 1, backoffMs: 1, log: silent });
    const consumer = new CustodyDepositConsumer(db.dataSource, new ClearingStore(store), transport);
    if (consumerFails)
      jest.spyOn(consumer, 'handle').mockRejectedValue(new Error('process killed during the credit'));
    await consumer.onApplicationBootstrap();
    const relay = new OutboxRelay(db.dataSource, transport, {
      pollIntervalMs: 10,
      listen: false,
      resendAfterMs: null,
      log: silent,
    });
    await relay.start();
    return {
      relay,
      stop: async () => {
        await relay.stop();
        await transport.close();
      },
    };
  };

  it('a crash after the registry transfer: the next process credits the deposit exactly once', async () => {
    // Process 1 moves the units into custody and dies before its relay ran.
    const registry = new RegistryStreams(db.dataSource, store);
    await new DepositToCustodyHandler(registry, catalogue, new Outbox()).execute(
      new DepositToCustody('CQ', {
        commandId: 'dep-1',
        actor: 'steel',
        memberId: 'steel',
        instrument: 'CQEA-2025',
        quantity: 300,
      }),
    );
    expect(await held()).toBe(0);
    expect(await reconciliation()).toMatchObject({
      registry: 300,
      exchange: 0,
      depositsInFlight: 300,
      difference: 0,
    });

    // Process 2 relays it, but dies in the credit: published, never processed.
    const second = await startProcess(true);
    await until(async () => {
      const rows: { published_at: unknown }[] = await db.dataSource.query(
        `SELECT published_at FROM outbox WHERE message_id = 'custody-deposit:CQ:dep-1'`,
      );
      return rows[0]?.published_at !== null;
    }, 'the message to be published');
    await second.stop();
    expect(await held()).toBe(0);

    // Process 3 resends what no consumer processed, on start: credited once.
    const third = await startProcess();
    await until(async () => (await held()) === 300, 'the credit');
    // Starting yet another process resends nothing more and credits nothing twice.
    const fourth = await startProcess();
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all([third.stop(), fourth.stop()]);
    expect(await held()).toBe(300);
    expect(await reconciliation()).toMatchObject({
      registry: 300,
      exchange: 300,
      depositsInFlight: 0,
      difference: 0,
    });
  });
});
