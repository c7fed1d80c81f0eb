import fc from 'fast-check';
import { DomainError } from '@app/domain';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { canonicalJson } from '@app/ledger';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { InMemoryRegistry } from './in-memory-registry';
import { given } from './registry-fixture';
import { brokenInvariants } from './registry-invariants';
import { FIRMS, OPENING_STEPS, stepArbitrary } from './registry-random-commands';
import { runStep } from './registry-step-runner';
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
    db = await createTestDatabase({ entities: EVENT_STORE_ENTITIES, migrations: EVENT_STORE_MIGRATIONS });
    store = new EventStore(db.dataSource, { listen: false });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('gives the same answers and state as the in-memory twin, and the invariants hold after every step', async () => {
    const [steps] = fc.sample(
      fc.array(fc.record({ step: stepArbitrary, retry: fc.boolean() }), { minLength: 80, maxLength: 80 }),
      {
        numRuns: 1,
        seed: 20_251_124,
      },
    );
    const streams = new RegistryStreams(db.dataSource, store);
    streams.snapshotEvery = 40;
    const twin = new InMemoryRegistry();
    for (const port of [streams, twin] as RegistryPort[]) {
      await given(port, 'CQ', SETUP);
      for (const [i, step] of OPENING_STEPS.entries()) await runStep(port, step, `open-${i}`);
    }
    const answers: string[] = [];
    for (const [i, { step, retry }] of (steps ?? []).entries()) {
      const commandId = `c${i}`;
      const onDb = await outcome(() => runStep(streams, step, commandId));
      expect(await outcome(() => runStep(twin, step, commandId))).toBe(onDb);
      answers.push(onDb);
      if (retry && onDb === 'ok')
        expect(await outcome(() => runStep(streams, step, commandId))).toBe('replayed');
      expect(brokenInvariants(await streams.load('CQ'))).toEqual([]);
    }
    expect(answers.filter((a) => a === 'ok').length).toBeGreaterThan(20);
    // A cold process (snapshot + tail from PostgreSQL) sees what the twin sees.
    expect((await store.loadSnapshot('registry-CQ'))?.version).toBeGreaterThan(0);
    const cold = await new RegistryStreams(db.dataSource, store).load('CQ');
    expect(state(cold)).toBe(state(await twin.load('CQ')));
    expect(brokenInvariants(cold)).toEqual([]);
    // Every event names the command and the actor that caused it (the regulator, bidder, verifier…).
    const events = await store.readStream('registry-CQ');
    const unattributed = events.filter(
      (e) => typeof e.metadata['actor'] !== 'string' || typeof e.metadata['commandId'] !== 'string',
    );
    expect(unattributed).toEqual([]);
    expect(new Set(events.map((e) => e.metadata['actor']))).toEqual(new Set(['given', 'prop']));
  });
});
