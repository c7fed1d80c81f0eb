import { DomainError } from '@app/domain';
import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import {
  allPieces,
  balanceOf,
  journalEvents,
  supplyTotals,
  type LedgerCommand,
  type LedgerEvent,
} from '@app/ledger';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { EMPTY_REGISTRY, foldStored } from './registry-state';
import { RegistryStreams, type RegistryOutcome } from './registry-streams';

jest.setTimeout(120_000);

// Several RegistryStreams instances share one database like several registry processes would:
// each has its own cache and in-process queue, so only the stream version in PostgreSQL
// stands between two concurrent transfers of the same serials.
const PROCESSES = 4;

type Result = { ok: true; outcome: RegistryOutcome } | { ok: false; code: string };

async function attempt(streams: RegistryStreams, commandId: string, command: LedgerCommand): Promise<Result> {
  try {
    return {
      ok: true,
      outcome: await streams.execute({ jurisdiction: 'CQ', commandId, actor: 'test' }, () => [command]),
    };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code };
    throw error;
  }
}

const movedRanges = (results: Result[]): { start: number; end: number }[] =>
  results
    .flatMap((r) => (r.ok ? r.outcome.events : []))
    .flatMap((e: LedgerEvent) => (e.type === 'UnitsTransferred' ? e.ranges : []))
    .map(({ start, end }) => ({ start, end }))
    .sort((a, b) => a.start - b.start);

function expectDisjoint(ranges: readonly { start: number; end: number }[]): void {
  for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBeGreaterThan(ranges[i - 1].end);
}

describe('RegistryStreams against PostgreSQL: concurrent partial transfers of one serial block', () => {
  let db: TestDatabase;
  let store: EventStore;
  let processes: RegistryStreams[];

  beforeAll(async () => {
    db = await createTestDatabase({
      entities: EVENT_STORE_ENTITIES,
      migrations: EVENT_STORE_MIGRATIONS,
      poolSize: 30,
    });
    store = new EventStore(db.dataSource, { listen: false });
    processes = Array.from({ length: PROCESSES }, () => new RegistryStreams(db.dataSource, store));
    const [first] = processes;
    const open = (id: string): LedgerCommand => ({
      type: 'OpenAccount',
      commandId: `open-${id}`,
      accountId: id,
      accountType: 'ENTERPRISE_HOLDING',
      jurisdiction: 'CQ',
    });
    for (const id of ['seller', 'buyer-0', 'buyer-1', 'buyer-2', 'buyer-3', 'buyer-4'])
      await attempt(first, `open-${id}`, open(id));
    const issued = await attempt(first, 'issue-1', {
      type: 'IssueUnits',
      commandId: 'issue-1',
      accountId: 'seller',
      jurisdiction: 'CQ',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2025,
      quantity: 1000,
    });
    expect(issued.ok).toBe(true);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('never moves a unit twice: 48 concurrent transfers of 30 from 1,000 units, 33 succeed, ranges disjoint', async () => {
    const results = await Promise.all(
      Array.from({ length: 48 }, (_, i) =>
        attempt(processes[i % PROCESSES], `t-${i}`, {
          type: 'TransferUnits',
          commandId: `t-${i}`,
          from: 'seller',
          to: `buyer-${i % 5}`,
          selection: { by: 'quantity', quantity: 30, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE' },
        }),
      ),
    );
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r): r is { ok: false; code: string } => !r.ok);
    expect(ok).toHaveLength(33);
    expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['LEDGER.INSUFFICIENT_UNITS']));
    const ranges = movedRanges(results);
    expectDisjoint(ranges);
    expect(ranges.reduce((n, r) => n + r.end - r.start + 1, 0)).toBe(990);
    // The database guard, not luck, kept them apart: appends lost the version race and re-decided.
    expect(processes.reduce((n, p) => n + p.conflicts, 0)).toBeGreaterThan(0);

    // A fresh process replays the stream from PostgreSQL: same conservation, no overlaps.
    const replayed = await new RegistryStreams(db.dataSource, store).load('CQ');
    expectDisjoint(allPieces(replayed.ledger));
    expect(balanceOf(replayed.ledger, 'seller')).toBe(10);
    const buyers = [0, 1, 2, 3, 4].reduce((n, i) => n + balanceOf(replayed.ledger, `buyer-${i}`), 0);
    expect(buyers).toBe(990);
    expect([...supplyTotals(replayed.ledger).values()]).toEqual([
      expect.objectContaining({ issued: 1000, held: 1000, surrendered: 0, cancelled: 0, retired: 0 }),
    ]);
  });

  it('lets exactly one of many concurrent transfers of the same explicit serial range succeed', async () => {
    const [piece] = allPieces((await processes[0].load('CQ')).ledger).filter(
      (p) => p.accountId === 'buyer-0',
    );
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attempt(processes[i % PROCESSES], `same-${i}`, {
          type: 'TransferUnits',
          commandId: `same-${i}`,
          from: 'buyer-0',
          to: `buyer-${1 + (i % 4)}`,
          selection: { by: 'serials', start: piece.start, end: piece.start + 4 },
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code))).toEqual(
      new Set(['LEDGER.SERIALS_NOT_HELD']),
    );
  });

  it('is idempotent under concurrent retries of one command id, and records the actor in metadata', async () => {
    const command: LedgerCommand = {
      type: 'TransferUnits',
      commandId: 'retry-1',
      from: 'seller',
      to: 'buyer-4',
      selection: { by: 'quantity', quantity: 5, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE' },
    };
    const results = await Promise.all(processes.map((p) => attempt(p, 'retry-1', command)));
    expect(results.every((r) => r.ok)).toBe(true);
    const outcomes = results.map((r) => (r as { outcome: RegistryOutcome }).outcome);
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    for (const o of outcomes) expect(o.events).toEqual(outcomes[0].events);
    const rows = await db.dataSource.query<{ metadata: { actor: string; commandId: string } }[]>(
      `SELECT metadata FROM events WHERE stream_id = 'registry-CQ' AND metadata->>'commandId' = 'retry-1'`,
    );
    expect(rows).toEqual([{ metadata: expect.objectContaining({ actor: 'test', commandId: 'retry-1' }) }]);
  });

  it('rebuilds ledger and records from the stream alone, in a fresh process', async () => {
    const recorded = await processes[1].execute(
      { jurisdiction: 'CQ', commandId: 'report-1', actor: 'steel' },
      () => ({
        records: [
          {
            type: 'EmissionsReported',
            commandId: 'report-1',
            firmId: 'seller',
            accountId: 'seller',
            complianceYear: 2025,
            emissions: 42,
          },
        ],
      }),
    );
    expect(recorded.replayed).toBe(false);
    const warm = await processes[0].load('CQ');
    const cold = await new RegistryStreams(db.dataSource, store).load('CQ');
    expect(cold.version).toBe(warm.version);
    expect(cold.records.reports['seller|2025']).toMatchObject({ emissions: 42 });
    expect(allPieces(cold.ledger)).toEqual(allPieces(warm.ledger));
  });

  it('starts a cold process from the newest snapshot and reads only the tail after it', async () => {
    const writer = new RegistryStreams(db.dataSource, store);
    writer.snapshotEvery = 1;
    await attempt(writer, 'snap-1', {
      type: 'TransferUnits',
      commandId: 'snap-1',
      from: 'seller',
      to: 'buyer-1',
      selection: { by: 'quantity', quantity: 1, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE' },
    });
    const snapshotAt = (await store.loadSnapshot<unknown>('registry-CQ'))?.version ?? 0;
    expect(snapshotAt).toBeGreaterThan(0);
    await attempt(processes[2], 'after-snap', {
      type: 'TransferUnits',
      commandId: 'after-snap',
      from: 'buyer-1',
      to: 'buyer-2',
      selection: { by: 'quantity', quantity: 1, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE' },
    });
    const reads = jest.spyOn(store, 'readStream');
    const cold = await new RegistryStreams(db.dataSource, store).load('CQ');
    expect(reads.mock.calls.map(([, opts]) => opts?.fromVersion)).toEqual([snapshotAt + 1]);
    reads.mockRestore();
    const replayed = await foldFromScratch();
    expect(cold.version).toBe(replayed.version);
    expect(allPieces(cold.ledger)).toEqual(allPieces(replayed.ledger));
    expect(journalEvents(cold.ledger)).toEqual(journalEvents(replayed.ledger));
    expect(cold.records).toEqual(replayed.records);
    // The rebuilt idempotency map still recognises old command ids.
    const retry = await new RegistryStreams(db.dataSource, store).execute(
      { jurisdiction: 'CQ', commandId: 't-0', actor: 'test' },
      () => [
        {
          type: 'TransferUnits',
          commandId: 't-0',
          from: 'seller',
          to: 'buyer-0',
          selection: { by: 'quantity', quantity: 30, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE' },
        },
      ],
    );
    expect(retry.replayed).toBe(true);
  });

  async function foldFromScratch() {
    return foldStored(EMPTY_REGISTRY, await store.readStream('registry-CQ'));
  }
});
