import fc from 'fast-check';
import { Logger } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { canonicalJson } from '@app/ledger';
import { MESSAGING_MIGRATIONS, Outbox } from '@app/messaging';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { CLEARING_MIGRATIONS } from '../../../exchange/src/clearing/clearing-schema.migration';
import { custodyWithdrawalCommandId } from '../../../exchange/src/custody/instrument-units';
import { custodyTestCatalogue, InMemoryMessaging } from '../custody/custody-fixture';
import { InMemoryRegistry } from './in-memory-registry';
import { given } from './registry-fixture';
import { CustodyModel } from './registry-custody-model';
import { brokenInvariants } from './registry-invariants';
import { FIRMS, OPENING_STEPS, stepArbitrary } from './registry-random-commands';
import { runStep, type CustodyDesk } from './registry-step-runner';
import type { LoadedRegistry } from './registry-state';
import { RegistryStreams, type RegistryPort } from './registry-streams';

jest.setTimeout(180_000);

const SETUP = {
  accounts: [...FIRMS],
  allowances: [
    { vintage: 2025, quantity: 2000 },
    { accountId: 'CQ-AUCTION', vintage: 2025, quantity: 1000 },
  ],
};

const state = (r: LoadedRegistry): string =>
  canonicalJson({ version: r.version, holdings: r.ledger.holdings, records: r.records });

/** Runs a step (and its retry); the outcome is 'ok' / 'replayed' or the refusal's code. */
async function outcome(run: () => Promise<{ replayed: boolean }>): Promise<string> {
  try {
    return (await run()).replayed ? 'replayed' : 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('registry invariants on PostgreSQL: a random command sequence, replayed cold from the stream', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({
      entities: EVENT_STORE_ENTITIES,
      migrations: [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...CLEARING_MIGRATIONS],
    });
    store = new EventStore(db.dataSource, { listen: false });
    // The firms are exchange members, so their custody deposits can be credited on the exchange.
    for (const firm of FIRMS)
      await db.dataSource.query(
        `INSERT INTO clearing_members (member_id, name, jurisdiction) VALUES ($1, $1, 'CQ')`,
        [firm],
      );
    // The custody consumer warns of every refused withdrawal.
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await store?.close();
    await db?.drop();
  });

  it('gives the same answers and state as the in-memory twin, and the invariants hold after every step', async () => {
    const [steps] = fc.sample(
      fc.array(fc.record({ step: stepArbitrary, retry: fc.boolean() }), { minLength: 80, maxLength: 80 }),
      {
        numRuns: 1,
        // A seed whose sequence also releases from custody and redelivers released and refused withdrawals.
        seed: 20_251_129,
      },
    );
    const streams = new RegistryStreams(db.dataSource, store);
    streams.snapshotEvery = 40;
    const twin = new InMemoryRegistry();
    const messaging = new InMemoryMessaging();
    const onDbDesk: CustodyDesk = {
      catalogue: custodyTestCatalogue,
      dataSource: db.dataSource,
      outbox: new Outbox({ notify: false }),
    };
    const twinDesk: CustodyDesk = { catalogue: custodyTestCatalogue, ...messaging };
    for (const [port, desk] of [
      [streams, onDbDesk],
      [twin, twinDesk],
    ] as [RegistryPort, CustodyDesk][]) {
      await given(port, 'CQ', SETUP);
      for (const [i, step] of OPENING_STEPS.entries()) await runStep(port, step, `open-${i}`, desk);
    }
    const custody = new CustodyModel(custodyTestCatalogue, (await streams.load('CQ')).ledger);
    const answers: string[] = [];
    const deposited: string[] = OPENING_STEPS.flatMap((s, i) =>
      s.op === 'custodyDeposit' ? [`custody-deposit:CQ:open-${i}`] : [],
    );
    const withdrawals = new Set<string>();
    for (const [i, { step, retry }] of (steps ?? []).entries()) {
      const commandId = `c${i}`;
      const before = (await streams.load('CQ')).ledger;
      const onDb = await outcome(() => runStep(streams, step, commandId, onDbDesk));
      expect(await outcome(() => runStep(twin, step, commandId, twinDesk))).toBe(onDb);
      answers.push(onDb);
      if (step.op === 'custodyDeposit' && onDb === 'ok') deposited.push(`custody-deposit:CQ:${commandId}`);
      if (step.op === 'custodyRelease')
        withdrawals.add(custodyWithdrawalCommandId(step.member, step.reference));
      const after = await streams.load('CQ');
      expect(brokenInvariants(after)).toEqual([]);
      expect(custody.check(step, onDb, before, after.ledger)).toEqual([]);
      if (retry && onDb === 'ok') {
        expect(await outcome(() => runStep(streams, step, commandId, onDbDesk))).toBe('replayed');
        expect(state(await streams.load('CQ'))).toBe(state(after));
      }
    }
    expect(answers.filter((a) => a === 'ok').length).toBeGreaterThan(20);
    // The sequence exercised every custody case (both moves, refusals, redeliveries after either).
    expect(Object.entries(custody.seen).filter(([, n]) => n === 0)).toEqual([]);
    const { released, releaseRefused } = custody.seen;
    // Each committed deposit left one CustodyDeposited for the exchange in its transaction; each
    // refused withdrawal one CustodyWithdrawalRefused; each delivered withdrawal was acknowledged once.
    const outbox: { name: string; message_id: string }[] = await db.dataSource.query(
      `SELECT name, message_id FROM outbox ORDER BY id`,
    );
    const named = (name: string) => outbox.filter((m) => m.name === name).map((m) => m.message_id);
    expect(named('CustodyDeposited')).toEqual(deposited);
    expect(named('CustodyWithdrawalRefused')).toEqual(messaging.sent.map((m) => m.messageId));
    expect(named('CustodyWithdrawalRefused')).toHaveLength(releaseRefused);
    const processed: { message_id: string }[] = await db.dataSource.query(
      `SELECT message_id FROM processed_messages WHERE consumer = 'registry-custody'`,
    );
    expect(new Set(processed.map((p) => p.message_id))).toEqual(withdrawals);
    expect(processed).toHaveLength(released + releaseRefused);
    // A cold process (snapshot + tail from PostgreSQL) sees what the twin sees.
    expect((await store.loadSnapshot('registry-CQ'))?.version).toBeGreaterThan(0);
    const cold = await new RegistryStreams(db.dataSource, store).load('CQ');
    expect(state(cold)).toBe(state(await twin.load('CQ')));
    expect(brokenInvariants(cold)).toEqual([]);
    // Every event names the command and the actor that caused it (the regulator, bidder, verifier…;
    // the exchange for withdrawals).
    const events = await store.readStream('registry-CQ');
    const unattributed = events.filter(
      (e) => typeof e.metadata['actor'] !== 'string' || typeof e.metadata['commandId'] !== 'string',
    );
    expect(unattributed).toEqual([]);
    expect(new Set(events.map((e) => e.metadata['actor']))).toEqual(new Set(['given', 'prop', 'exchange']));
  });
});
