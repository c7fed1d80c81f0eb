import { EVENT_STORE_ENTITIES, EVENT_STORE_MIGRATIONS, EventStore } from '@app/event-store';
import { balanceOf, supplyTotals, type LedgerState } from '@app/ledger';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { RegistryStreams } from '../shared/registry-streams';
import { decisionBody, givenTwoProvinces, requestBody, testClock } from './cross-province-fixture';
import { CrossProvinceTransfers } from './cross-province-transfers';
import { planDecideTransfer } from './decide-transfer/plan-decide-transfer';

jest.setTimeout(120_000);

const so2 = (j: 'CQ' | 'SC', ledger: LedgerState) => supplyTotals(ledger).get(`${j}|POLLUTANT_SO2|2025`);

describe('cross-province transfers on PostgreSQL (two registry processes)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let p1: RegistryStreams;
  let p2: RegistryStreams;
  let one: CrossProvinceTransfers;
  let two: CrossProvinceTransfers;
  const clock = testClock();
  const fresh = () => new RegistryStreams(db.dataSource, store);
  const holds = async (j: 'CQ' | 'SC', account: string) =>
    balanceOf((await fresh().load(j)).ledger, account, { kind: 'POLLUTANT_SO2' });

  beforeAll(async () => {
    db = await createTestDatabase({
      entities: EVENT_STORE_ENTITIES,
      migrations: EVENT_STORE_MIGRATIONS,
      poolSize: 20,
    });
    store = new EventStore(db.dataSource, { listen: false });
    p1 = fresh();
    p2 = fresh();
    await givenTwoProvinces(p1);
    one = new CrossProvinceTransfers(p1, clock, store);
    two = new CrossProvinceTransfers(p2, clock, store);
  });
  afterAll(() => db?.drop());

  it('happy path with the two approvals landing at once on two processes: one departure, one arrival', async () => {
    await one.request(requestBody({ transferId: 'xp-ok', commandId: 'req-ok', quantity: 40 }));
    await Promise.all([
      one.decide('xp-ok', 'outflow', decisionBody('ok-out', 'CQ-EEB')),
      two.decide('xp-ok', 'inflow', decisionBody('ok-in', 'SC-DEE')),
    ]);
    const view = await one.view('xp-ok');
    expect(view).toMatchObject({
      status: 'completed',
      originUnits: [
        { first: 'CQ-POLLUTANT_SO2-2025-000000000001', last: 'CQ-POLLUTANT_SO2-2025-000000000040' },
      ],
      arrived: [{ quantity: 40, origin: { first: 'CQ-POLLUTANT_SO2-2025-000000000001' } }],
    });
    expect(await holds('SC', 'sc-paper-02')).toBe(40);
    expect(await holds('CQ', 'cq-chem-01')).toBe(60);
    // the arriving units' events carry the origin serials in their metadata
    const arrival = (await store.readStream('registry-SC')).find(
      (e) => e.type === 'UnitsIssued' && e.metadata.commandId === 'xp:xp-ok:arrive',
    );
    expect(arrival?.metadata).toMatchObject({
      actor: 'system:cross-province',
      memo: 'origin CQ-POLLUTANT_SO2-2025-000000000001..CQ-POLLUTANT_SO2-2025-000000000040 (cross-province transfer xp-ok)',
    });
  });

  it('rejection and timeout unlock; the wrong province gets 403; retries on the other process replay', async () => {
    await one.request(requestBody({ transferId: 'xp-no', commandId: 'req-no', quantity: 10 }));
    expect(
      await two.request(requestBody({ transferId: 'xp-no', commandId: 'req-no', quantity: 10 })),
    ).toMatchObject({ replayed: true });
    await expect(two.decide('xp-no', 'outflow', decisionBody('bad', 'SC-DEE'))).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.FORBIDDEN',
    });
    await two.decide(
      'xp-no',
      'outflow',
      decisionBody('no-out', 'CQ-EEB', { decision: 'reject', reason: 'Yangtze section over its SO2 load' }),
    );
    expect(
      await one.decide(
        'xp-no',
        'outflow',
        decisionBody('no-out', 'CQ-EEB', { decision: 'reject', reason: 'Yangtze section over its SO2 load' }),
      ),
    ).toMatchObject({
      replayed: true,
      status: 'rejected',
    });

    await one.request(
      requestBody({ transferId: 'xp-late', commandId: 'req-late', quantity: 10, approvalWindowHours: 24 }),
    );
    await one.decide('xp-late', 'inflow', decisionBody('late-in', 'SC-DEE'));
    clock.advanceHours(25);
    const [s1, s2] = await Promise.all([one.sweep('scheduler'), two.sweep('scheduler')]);
    expect([...s1.expired, ...s2.expired]).toContain('xp-late');
    expect((await two.view('xp-late')).status).toBe('expired');
    const cq = (await fresh().load('CQ')).ledger;
    expect(balanceOf(cq, 'cq-chem-01', { kind: 'POLLUTANT_SO2', lock: 'locked' })).toBe(0);
  });

  it('a crash between the departure and the arrival is finished by the other process’s sweep', async () => {
    await one.request(requestBody({ transferId: 'xp-crash', commandId: 'req-crash', quantity: 20 }));
    await one.decide('xp-crash', 'outflow', decisionBody('crash-out', 'CQ-EEB'));
    await p1.execute({ jurisdiction: 'CQ', commandId: 'crash-in', actor: 'regulator:SC-DEE' }, (r) =>
      planDecideTransfer(r, 'xp-crash', 'inflow', decisionBody('crash-in', 'SC-DEE'), clock.now()),
    );
    expect(await holds('SC', 'sc-paper-02')).toBe(40);
    expect((await two.sweep('scheduler')).completed).toEqual(['xp-crash']);
    expect(await holds('SC', 'sc-paper-02')).toBe(60);
    expect((await one.decide('xp-crash', 'inflow', decisionBody('crash-in', 'SC-DEE'))).status).toBe(
      'completed',
    );
    expect(await holds('SC', 'sc-paper-02')).toBe(60);
  });

  it('one transfer id requested at once from both provinces: only one request commits', async () => {
    // the race is a matter of timing, so run it several times
    for (const n of [1, 2, 3, 4, 5]) {
      const id = `xp-twin-${n}`;
      const results = await Promise.allSettled([
        one.request(requestBody({ transferId: id, commandId: `twin-cq-${n}`, quantity: 1 })),
        two.request(
          requestBody({
            transferId: id,
            commandId: `twin-sc-${n}`,
            from: 'SC',
            sellerAccountId: 'sc-smelter-03',
            to: 'CQ',
            buyerAccountId: 'cq-steel-02',
            quantity: 1,
          }),
        ),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))).toEqual([
        expect.objectContaining({ code: 'CROSS_PROVINCE.DUPLICATE_TRANSFER' }),
      ]);
      const owners = await Promise.all(
        (['CQ', 'SC'] as const).map(async (j) =>
          Boolean((await fresh().load(j)).records.crossProvince.outgoing[id]),
        ),
      );
      expect(owners.filter(Boolean)).toHaveLength(1);
      // rejected, so its locked unit goes back before the conservation check
      const regulator = owners[0] ? 'CQ-EEB' : 'SC-DEE';
      await one.decide(
        id,
        'outflow',
        decisionBody(`twin-no-${n}`, regulator, { decision: 'reject', reason: 'test cleanup' }),
      );
    }
  });

  it('conserves across both registries: per registry issued = held + cancelled; what CQ cancelled as transferred SC issued', async () => {
    const cq = (await fresh().load('CQ')).ledger;
    const sc = (await fresh().load('SC')).ledger;
    const cqSo2 = so2('CQ', cq);
    const scSo2 = so2('SC', sc);
    expect(cqSo2).toMatchObject({ issued: 100, held: 40, cancelled: 60, locked: 0 });
    expect(scSo2).toMatchObject({ issued: 30 + 60, held: 90, cancelled: 0 });
    for (const t of [cqSo2, scSo2])
      expect(t!.issued).toBe(t!.held + t!.surrendered + t!.cancelled + t!.retired);
    // units in circulation across both provinces are what was first issued: 100 + 30
    expect(cqSo2!.held + scSo2!.held).toBe(130);
    const sumIncoming = Object.values((await fresh().load('SC')).records.crossProvince.incoming).reduce(
      (s, a) => s + a.quantity,
      0,
    );
    expect(sumIncoming).toBe(cqSo2!.cancelled);
  });
});
