import type { Principal } from '@app/domain';
import { type JsonValue, runWithAuditContext } from '@app/event-store';
import { balanceOf, journalEvents, supplyTotals } from '@app/ledger';
import { InMemoryRegistry } from '../shared/in-memory-registry';
import { decisionBody, givenTwoProvinces, requestBody, T0, testClock } from './cross-province-fixture';
import { CrossProvinceTransfers } from './cross-province-transfers';
import { planDecideTransfer } from './decide-transfer/plan-decide-transfer';
import { planRequestTransfer } from './request-transfer/plan-request-transfer';

const held = async (r: InMemoryRegistry, j: 'CQ' | 'SC', account: string, lock?: 'locked' | 'unlocked') =>
  balanceOf((await r.load(j)).ledger, account, { kind: 'POLLUTANT_SO2', ...(lock ? { lock } : {}) });

describe('cross-province transfer of SO2 rights, Chongqing → Sichuan', () => {
  let registry: InMemoryRegistry;
  let clock: ReturnType<typeof testClock>;
  let transfers: CrossProvinceTransfers;
  beforeEach(async () => {
    registry = new InMemoryRegistry();
    await givenTwoProvinces(registry);
    clock = testClock();
    transfers = new CrossProvinceTransfers(registry, clock);
  });

  it('locks at request; only both approvals move the units: cancelled in CQ, issued in SC with the origin serials', async () => {
    const requested = await transfers.request(requestBody());
    expect(requested).toMatchObject({
      status: 'pending',
      replayed: false,
      request: {
        quantity: 40,
        priceFen: 2_100_000,
        totalFen: 84_000_000,
        expiresAt: new Date(T0 + 168 * 3_600_000).toISOString(),
      },
      originUnits: [
        { first: 'CQ-POLLUTANT_SO2-2025-000000000001', last: 'CQ-POLLUTANT_SO2-2025-000000000040' },
      ],
    });
    expect(await held(registry, 'CQ', 'cq-chem-01', 'locked')).toBe(40);

    const outflow = await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'));
    expect(outflow).toMatchObject({
      status: 'pending',
      outflow: { regulator: 'CQ-EEB', decision: 'approved' },
    });
    expect(await held(registry, 'SC', 'sc-paper-02')).toBe(0);

    const done = await transfers.decide('xp-1', 'inflow', decisionBody('sc-ok', 'SC-DEE'));
    expect(done).toMatchObject({
      status: 'completed',
      inflow: { regulator: 'SC-DEE', decision: 'approved' },
      arrived: [
        {
          first: 'SC-POLLUTANT_SO2-2025-000000000031',
          last: 'SC-POLLUTANT_SO2-2025-000000000070',
          quantity: 40,
          origin: { first: 'CQ-POLLUTANT_SO2-2025-000000000001', last: 'CQ-POLLUTANT_SO2-2025-000000000040' },
        },
      ],
    });
    expect(await held(registry, 'CQ', 'cq-chem-01')).toBe(60);
    expect(await held(registry, 'SC', 'sc-paper-02')).toBe(40);
    const cq = await registry.load('CQ');
    expect(supplyTotals(cq.ledger).get('CQ|POLLUTANT_SO2|2025')).toMatchObject({
      issued: 100,
      held: 60,
      cancelled: 40,
      locked: 0,
    });
    expect(journalEvents(cq.ledger).filter((e) => e.type === 'UnitsCancelled')).toEqual([
      expect.objectContaining({
        from: 'cq-chem-01',
        to: 'CQ-CANCELLATION',
        quantity: 40,
        reason: 'transferred to SC (cross-province transfer xp-1 to sc-paper-02)',
      }),
    ]);
    expect(registry.appended.find((a) => a.types.includes('UnitsCancelled'))).toMatchObject({
      jurisdiction: 'CQ',
      actor: 'regulator:SC-DEE',
    });
    const sc = await registry.load('SC');
    expect(sc.records.crossProvince.incoming['xp-1']).toMatchObject({ origin: 'CQ', quantity: 40 });
  });

  it('under a signed-in principal, whatever carried the command: only that side’s regulator, signing as itself', async () => {
    await transfers.request(requestBody());
    const as = <T>(principal: Principal, work: () => Promise<T>) =>
      runWithAuditContext(
        {
          actor: principal.id,
          role: principal.role,
          route: 'test',
          at: 'now',
          principal: { ...principal } as Record<string, JsonValue>,
        },
        work,
      );
    const sc: Principal = { role: 'regulator', id: 'regulator-sc', province: 'SC' };
    const cq: Principal = { role: 'regulator', id: 'regulator-cq', province: 'CQ' };
    // A Sichuan regulator on the Chongqing side, even naming Chongqing's regulator in the body.
    await expect(
      as(sc, () => transfers.decide('xp-1', 'outflow', decisionBody('sc-out', 'CQ-EEB'))),
    ).rejects.toMatchObject({ code: 'CROSS_PROVINCE.FORBIDDEN' });
    await expect(
      as(sc, () => transfers.decide('xp-1', 'outflow', decisionBody('sc-out2', 'regulator-sc'))),
    ).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.FORBIDDEN',
      message: expect.stringContaining('is decided by the CQ regulator, not regulator-sc (SC)'),
    });
    // An administrator holds no province's key.
    await expect(
      as({ role: 'admin', id: 'admin' }, () =>
        transfers.decide('xp-1', 'outflow', decisionBody('admin-out', 'CQ-EEB')),
      ),
    ).rejects.toMatchObject({ code: 'ACCESS.FORBIDDEN' });
    expect((await transfers.view('xp-1')).outflow).toBeUndefined();
    const decided = await as(cq, () =>
      transfers.decide('xp-1', 'outflow', decisionBody('cq-out', 'regulator-cq')),
    );
    expect(decided.outflow).toMatchObject({ regulator: 'regulator-cq', decision: 'approved' });
  });

  it("records who asked; the departure moves the seller's units only if the seller is theirs (403 ACCESS.FORBIDDEN)", async () => {
    const seller: Principal = {
      role: 'enterprise',
      id: 'cq-chem-01',
      memberId: 'cq-chem-01',
      accountIds: ['cq-chem-01'],
      province: 'CQ',
    };
    const requested = await runWithAuditContext(
      {
        actor: seller.id,
        role: seller.role,
        route: 'test',
        at: 'now',
        principal: { ...seller } as unknown as Record<string, JsonValue>,
      },
      () => transfers.request(requestBody()),
    );
    expect((await registry.load('CQ')).records.crossProvince.outgoing['xp-1']?.request.requestedBy).toEqual(
      seller,
    );
    expect(requested.request).not.toHaveProperty('requestedBy');

    // A request recorded in another enterprise's name for cq-chem-01's units (bypassing the request's own check).
    const mallory: Principal = {
      role: 'enterprise',
      id: 'cq-mallory',
      memberId: 'cq-mallory',
      accountIds: ['cq-mallory'],
    };
    const body = requestBody({ commandId: 'forged', transferId: 'xp-forged', quantity: 10 }) as Parameters<
      typeof planRequestTransfer
    >[2];
    const destination = await registry.load('SC');
    await registry.execute({ jurisdiction: 'CQ', commandId: 'forged', actor: 'forger' }, (origin) =>
      planRequestTransfer(origin, destination, body, T0, mallory),
    );
    await transfers.decide('xp-forged', 'outflow', decisionBody('forged-out', 'CQ-EEB'));
    await expect(
      transfers.decide('xp-forged', 'inflow', decisionBody('forged-in', 'SC-DEE')),
    ).rejects.toMatchObject({
      code: 'ACCESS.FORBIDDEN',
      message: expect.stringContaining('registry.hold: cq-chem-01 is not yours'),
    });
    expect((await transfers.view('xp-forged')).status).toBe('pending');
    expect(await held(registry, 'CQ', 'cq-chem-01', 'locked')).toBe(50);
    expect(await held(registry, 'SC', 'sc-paper-02')).toBe(0);

    // The seller's own request departs as before.
    await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'));
    expect((await transfers.decide('xp-1', 'inflow', decisionBody('sc-ok', 'SC-DEE'))).status).toBe(
      'completed',
    );
  });

  it('either regulator may reject with a reason: the units are unlocked and the transfer is over', async () => {
    await transfers.request(requestBody());
    await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'));
    await expect(
      transfers.decide('xp-1', 'inflow', decisionBody('sc-no', 'SC-DEE', { decision: 'reject' })),
    ).rejects.toMatchObject({ code: 'CROSS_PROVINCE.REASON_REQUIRED', details: { field: 'reason' } });
    const rejected = await transfers.decide(
      'xp-1',
      'inflow',
      decisionBody('sc-no', 'SC-DEE', { decision: 'reject', reason: 'Chengdu plain over its SO2 ceiling' }),
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      inflow: { reason: 'Chengdu plain over its SO2 ceiling' },
      originUnits: [],
    });
    expect(await held(registry, 'CQ', 'cq-chem-01', 'unlocked')).toBe(100);
    await expect(transfers.decide('xp-1', 'outflow', decisionBody('cq-2', 'CQ-EEB'))).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.STATUS_CONFLICT',
    });
  });

  it('a side decides once (409); an unknown transfer is 404', async () => {
    await transfers.request(requestBody());
    await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'));
    await expect(
      transfers.decide(
        'xp-1',
        'outflow',
        decisionBody('cq-again', 'CQ-EEB', { decision: 'reject', reason: 'second thoughts' }),
      ),
    ).rejects.toMatchObject({ code: 'CROSS_PROVINCE.DUPLICATE_DECISION', details: { field: 'transferId' } });
    await expect(transfers.decide('xp-404', 'outflow', decisionBody('x', 'CQ-EEB'))).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.UNKNOWN_TRANSFER',
    });
    await expect(transfers.view('xp-404')).rejects.toMatchObject({ code: 'CROSS_PROVINCE.UNKNOWN_TRANSFER' });
    // ids that name Object.prototype members are ordinary ids, not found records
    await expect(transfers.view('toString')).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.UNKNOWN_TRANSFER',
    });
    expect(
      await transfers.request(
        requestBody({ commandId: 'constructor', transferId: 'constructor', quantity: 1 }),
      ),
    ).toMatchObject({
      status: 'pending',
    });
  });

  it('the seller’s regulator rejecting the outflow first also unlocks', async () => {
    await transfers.request(requestBody());
    await transfers.decide(
      'xp-1',
      'outflow',
      decisionBody('cq-no', 'CQ-EEB', { decision: 'reject', reason: 'plant under investigation' }),
    );
    expect(await held(registry, 'CQ', 'cq-chem-01', 'locked')).toBe(0);
  });

  it.each([
    ['a Chongqing regulator deciding the inflow', 'inflow', 'CQ-EEB', 'decided by the SC regulator'],
    ['a Sichuan regulator deciding the outflow', 'outflow', 'SC-DEE', 'decided by the CQ regulator'],
    ['somebody who is no regulator', 'outflow', 'cq-chem-01', 'is not a regulator'],
  ] as const)('403 for %s, nothing recorded', async (_n, side, regulator, message) => {
    await transfers.request(requestBody());
    const before = registry.appended.length;
    const error = await transfers.decide('xp-1', side, decisionBody('d', regulator)).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'CROSS_PROVINCE.FORBIDDEN', details: { field: 'regulator' } });
    expect((error as Error).message).toContain(message);
    expect(registry.appended).toHaveLength(before);
  });

  it('a request nobody decides expires at its deadline (injected clock): the sweep unlocks, late decisions are refused', async () => {
    await transfers.request(requestBody({ approvalWindowHours: 48 }));
    await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'));
    clock.advanceHours(47);
    expect(await transfers.sweep('scheduler')).toEqual({ expired: [], completed: [] });
    clock.advanceHours(1);
    expect(await transfers.sweep('scheduler')).toEqual({ expired: ['xp-1'], completed: [] });
    expect(await held(registry, 'CQ', 'cq-chem-01', 'unlocked')).toBe(100);
    expect(await transfers.view('xp-1')).toMatchObject({
      status: 'expired',
      expiredAt: new Date(T0 + 48 * 3_600_000).toISOString(),
    });
    await expect(transfers.decide('xp-1', 'inflow', decisionBody('sc-ok', 'SC-DEE'))).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.STATUS_CONFLICT',
    });
    expect(await transfers.sweep('scheduler')).toEqual({ expired: [], completed: [] });
  });

  it('a decision after the deadline is refused and writes nothing; the sweep then expires the request', async () => {
    await transfers.request(requestBody({ approvalWindowHours: 1 }));
    clock.advanceHours(1);
    const before = registry.appended.length;
    await expect(transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'))).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.STATUS_CONFLICT',
      message: expect.stringContaining('closed at 2026-03-02T02:00:00.000Z'),
    });
    expect(registry.appended).toHaveLength(before);
    expect(await transfers.sweep('scheduler')).toEqual({ expired: ['xp-1'], completed: [] });
    expect(await held(registry, 'CQ', 'cq-chem-01', 'locked')).toBe(0);
  });

  it.each([
    [
      'the same province on both ends',
      { to: 'CQ', buyerAccountId: 'cq-steel-02' },
      'CROSS_PROVINCE.SAME_PROVINCE',
      'to',
    ],
    [
      'carbon allowances',
      { sellerAccountId: 'cq-steel-02', kind: 'CARBON_ALLOWANCE', quantity: 10 },
      'CROSS_PROVINCE.KIND_NOT_ELIGIBLE',
      'kind',
    ],
    [
      '碳惠通 credits (recognition, not transfer)',
      { kind: 'CQCER' },
      'CROSS_PROVINCE.KIND_NOT_ELIGIBLE',
      'kind',
    ],
    [
      'an unknown seller',
      { sellerAccountId: 'cq-ghost' },
      'CROSS_PROVINCE.UNKNOWN_SELLER',
      'sellerAccountId',
    ],
    [
      'a system account as seller',
      { sellerAccountId: 'CQ-GOVERNMENT' },
      'CROSS_PROVINCE.UNKNOWN_SELLER',
      'sellerAccountId',
    ],
    ['an unknown buyer', { buyerAccountId: 'sc-ghost' }, 'CROSS_PROVINCE.UNKNOWN_BUYER', 'buyerAccountId'],
    [
      'a buyer account of the seller’s province',
      { buyerAccountId: 'cq-steel-02' },
      'CROSS_PROVINCE.UNKNOWN_BUYER',
      'buyerAccountId',
    ],
    ['more than held', { quantity: 101 }, 'CROSS_PROVINCE.RIGHTS_NOT_HELD', 'quantity'],
    ['a vintage not held', { vintage: 2024 }, 'CROSS_PROVINCE.RIGHTS_NOT_HELD', 'quantity'],
    [
      'rights of another kind not held',
      { kind: 'ELECTRICITY_USE' },
      'CROSS_PROVINCE.RIGHTS_NOT_HELD',
      'quantity',
    ],
  ])('refuses %s, naming the field; nothing written', async (_n, over, code, field) => {
    const before = registry.appended.length;
    await expect(transfers.request(requestBody(over))).rejects.toMatchObject({ code, details: { field } });
    expect(registry.appended).toHaveLength(before);
  });

  it('units locked by one request are not available to a second; a reused transfer id is a conflict', async () => {
    await transfers.request(requestBody({ quantity: 80 }));
    await expect(
      transfers.request(requestBody({ commandId: 'req-2', transferId: 'xp-2', quantity: 30 })),
    ).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.RIGHTS_NOT_HELD',
    });
    await expect(transfers.request(requestBody({ commandId: 'req-3', quantity: 5 }))).rejects.toMatchObject({
      code: 'CROSS_PROVINCE.DUPLICATE_TRANSFER',
      details: { field: 'transferId' },
    });
  });

  it('retries answer the first result; another body under a used command id → 409', async () => {
    await transfers.request(requestBody());
    clock.advanceHours(1);
    expect(await transfers.request(requestBody())).toMatchObject({ replayed: true, status: 'pending' });
    await expect(transfers.request(requestBody({ quantity: 41 }))).rejects.toMatchObject({
      code: 'REGISTRY.COMMAND_ID_CONFLICT',
    });
    await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'));
    await transfers.decide('xp-1', 'inflow', decisionBody('sc-ok', 'SC-DEE'));
    const appended = registry.appended.length;
    expect(await transfers.decide('xp-1', 'inflow', decisionBody('sc-ok', 'SC-DEE'))).toMatchObject({
      replayed: true,
      status: 'completed',
    });
    expect(await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'))).toMatchObject({
      replayed: true,
    });
    expect(registry.appended).toHaveLength(appended);
    await expect(
      transfers.decide(
        'xp-1',
        'inflow',
        decisionBody('sc-ok', 'SC-DEE', { decision: 'reject', reason: 'changed mind' }),
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY.COMMAND_ID_CONFLICT' });
  });

  it('a crash after the departure (units cancelled in CQ, not yet issued in SC) is finished by the sweep, once', async () => {
    await transfers.request(requestBody());
    await transfers.decide('xp-1', 'outflow', decisionBody('cq-ok', 'CQ-EEB'));
    // the second approval commits in CQ, then the process dies before the arrival in SC
    await registry.execute({ jurisdiction: 'CQ', commandId: 'sc-ok', actor: 'regulator:SC-DEE' }, (r) =>
      planDecideTransfer(r, 'xp-1', 'inflow', decisionBody('sc-ok', 'SC-DEE'), clock.now()),
    );
    expect(await transfers.view('xp-1')).toMatchObject({ status: 'departed' });
    expect(await held(registry, 'SC', 'sc-paper-02')).toBe(0);
    expect(await transfers.sweep('scheduler')).toEqual({ expired: [], completed: ['xp-1'] });
    expect(await transfers.sweep('scheduler')).toEqual({ expired: [], completed: [] });
    expect(await held(registry, 'SC', 'sc-paper-02')).toBe(40);
    expect(await transfers.view('xp-1')).toMatchObject({ status: 'completed' });
  });
});
