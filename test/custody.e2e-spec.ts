import { DataSource } from 'typeorm';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { ClearingStore } from '../apps/exchange/src/clearing/clearing-store';
import { CustodyDepositConsumer } from '../apps/exchange/src/custody/custody-deposit.consumer';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { eventually, getJson, postJson } from './support/http';

interface Positions {
  holdings: { instrument: string; available: number; reserved: number }[];
}
interface Line {
  instrument: string;
  registry: number;
  exchange: number;
  depositsInFlight: number;
  withdrawalsInFlight: number;
  difference: number;
}

const INSTRUMENT = 'CQEA-2025';

/**
 * Units on the exchange are units in the registry's custody account: deposits are registry
 * transfers into CQ-EXCHANGE credited through the outbox, trades move units between members inside
 * custody, withdrawals go back through the outbox; both sides are reconciled after every step.
 */
describe('exchange custody of registry units (sandbox)', () => {
  let service: RunningService;
  let base = '';
  const registryPost = (path: string, body: object) => postJson(`${base}/registries/CQ${path}`, body);
  const held = async (member: string) => {
    const p = await getJson<Positions>(`${base}/members/${member}/positions`);
    const h = p.holdings.find((x) => x.instrument === INSTRUMENT);
    return { available: h?.available ?? 0, reserved: h?.reserved ?? 0 };
  };
  const registryBalance = async (account: string) =>
    (await getJson<{ total: number }>(`${base}/registries/CQ/accounts/${account}`)).total;
  const line = async () =>
    (await getJson<Line[]>(`${base}/registries/CQ/custody-reconciliation`)).find(
      (l) => l.instrument === INSTRUMENT,
    )!;
  /** Both sides agree once nothing is in flight. */
  const reconciled = () =>
    eventually(
      async () => {
        const l = await line();
        return l.depositsInFlight === 0 && l.withdrawalsInFlight === 0 && l.registry === l.exchange
          ? l
          : undefined;
      },
      15000,
      'custody reconciled',
    );
  const deposit = (commandId: string, memberId: string, quantity: number, instrument = INSTRUMENT) =>
    registryPost('/custody-deposits', { commandId, actor: memberId, memberId, instrument, quantity });

  beforeAll(async () => {
    service = await startService(
      sandboxService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'error', DEMO: 'off' })),
    );
    base = service.url;
    for (const [member, units] of [
      ['cq-custody-a', 5000],
      ['cq-custody-b', 1000],
    ] as const) {
      await registryPost('/accounts', {
        commandId: `open-${member}`,
        actor: 'regulator:cq',
        accountId: member,
        accountType: 'ENTERPRISE_HOLDING',
      });
      await registryPost('/issuances', {
        commandId: `issue-${member}`,
        actor: 'regulator:cq',
        accountId: member,
        kind: 'CARBON_ALLOWANCE',
        vintage: 2025,
        quantity: units,
      });
      await postJson(`${base}/members`, { memberId: member, name: member, jurisdiction: 'CQ' });
      await postJson(`${base}/members/${member}/cash-deposits`, {
        amount: 1_000_000_000,
        reference: `cash-${member}`,
      });
    }
  });
  afterAll(() => service?.close());

  it('refuses bad deposits naming the field, and moves nothing anywhere', async () => {
    const refused = [
      [await deposit('bad-1', 'cq-custody-a', 5001), 422, 'LEDGER.INSUFFICIENT_UNITS', 'quantity'],
      [
        await deposit('bad-2', 'cq-custody-a', 10, 'NOPE-1'),
        404,
        'EXCHANGE.UNKNOWN_INSTRUMENT',
        'instrument',
      ],
      [await deposit('bad-3', 'cq-custody-a', 10, 'SCEA-2025'), 422, 'CUSTODY.WRONG_REGISTRY', 'instrument'],
      [await deposit('bad-4', 'cq-custody-a', 10, 'CCER'), 422, 'CUSTODY.NO_REGISTRY', 'instrument'],
      [await deposit('bad-5', 'cq-nobody', 10), 404, 'LEDGER.UNKNOWN_ACCOUNT', 'memberId'],
    ] as const;
    for (const [answer, status, code, field] of refused)
      expect(answer).toMatchObject({ status, body: { code, field } });
    expect((await deposit('bad-6', 'cq-custody-a', 0)).status).toBe(400);
    // A registry account holder that is not an exchange member: its units would sit unowned.
    await registryPost('/accounts', {
      commandId: 'open-cq-outsider',
      actor: 'regulator:cq',
      accountId: 'cq-outsider',
      accountType: 'ENTERPRISE_HOLDING',
    });
    await registryPost('/issuances', {
      commandId: 'issue-cq-outsider',
      actor: 'regulator:cq',
      accountId: 'cq-outsider',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2025,
      quantity: 10,
    });
    expect(await deposit('bad-7', 'cq-outsider', 10)).toMatchObject({
      status: 404,
      body: { code: 'CUSTODY.MEMBER_NOT_FOUND', field: 'memberId' },
    });
    expect(await registryBalance('cq-outsider')).toBe(10);
    expect(await registryBalance('cq-custody-a')).toBe(5000);
    expect(await held('cq-custody-a')).toEqual({ available: 0, reserved: 0 });
  });

  it('a deposit moves registry units into CQ-EXCHANGE and credits the member once, also after a crash in the credit', async () => {
    const store = service.app.get(ClearingStore, { strict: false });
    const write = store.write.bind(store);
    let crashed = 0;
    // The first credit dies after the registry transfer committed: its transaction rolls back and
    // the outbox message is delivered again.
    const spy = jest.spyOn(store, 'write').mockImplementation(async (manager, ledger, events, metadata) => {
      if (crashed === 0 && events.some((e) => e.event.type === 'UnitsDeposited')) {
        crashed++;
        throw new Error('crash between the registry transfer and the exchange credit');
      }
      return write(manager, ledger, events, metadata);
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // the retry's notice
    try {
      const answer = await deposit('dep-a-1', 'cq-custody-a', 3000);
      expect(answer).toMatchObject({ status: 201, body: { quantity: 3000, custodyAccount: 'CQ-EXCHANGE' } });
      expect(await registryBalance('CQ-EXCHANGE')).toBe(3000);
      expect(await registryBalance('cq-custody-a')).toBe(2000);
      await eventually(async () => ((await held('cq-custody-a')).available === 3000 ? true : undefined));
      expect(crashed).toBe(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('crash between the registry transfer'));
    } finally {
      spy.mockRestore();
      warn.mockRestore();
    }
    // A redelivery of the same message changes nothing (idempotent consumer).
    const consumer = service.app.get(CustodyDepositConsumer, { strict: false });
    await consumer.handle({
      id: 'custody-deposit:CQ:dep-a-1',
      name: 'CustodyDeposited',
      payload: {
        jurisdiction: 'CQ',
        registryCommandId: 'dep-a-1',
        member: 'cq-custody-a',
        instrument: INSTRUMENT,
        qty: 3000,
      },
    });
    expect(await held('cq-custody-a')).toEqual({ available: 3000, reserved: 0 });
    // The same command again is a replay; another body under its id is refused.
    expect((await deposit('dep-a-1', 'cq-custody-a', 3000)).body).toMatchObject({ replayed: true });
    expect(await deposit('dep-a-1', 'cq-custody-a', 2999)).toMatchObject({
      status: 409,
      body: { code: 'REGISTRY.COMMAND_ID_CONFLICT', field: 'commandId' },
    });
    expect((await deposit('dep-b-1', 'cq-custody-b', 1000)).status).toBe(201);
    expect(await reconciled()).toMatchObject({ registry: 4000, exchange: 4000, difference: 0 });
    const memo = await service.app
      .get(DataSource)
      .query(
        `SELECT metadata->>'memo' AS memo FROM events WHERE stream_id = 'registry-CQ' AND metadata->>'commandId' = 'dep-a-1' AND type = 'UnitsTransferred'`,
      );
    expect(memo).toEqual([{ memo: 'exchange member cq-custody-a' }]);
  });

  it('trades move units between members inside custody: no registry move, still reconciled', async () => {
    const sell = { instrument: INSTRUMENT, account: 'cq-custody-a', side: 'sell', price: 3600, qty: 1200 };
    expect((await postJson(`${base}/orders`, sell)).status).toBe(202);
    const buy = { instrument: INSTRUMENT, account: 'cq-custody-b', side: 'buy', price: 3600, qty: 1200 };
    expect((await postJson(`${base}/orders`, buy)).status).toBe(202);
    await eventually(async () => ((await held('cq-custody-b')).available === 2200 ? true : undefined));
    expect(await held('cq-custody-a')).toEqual({ available: 1800, reserved: 0 });
    expect(await registryBalance('CQ-EXCHANGE')).toBe(4000);
    expect(await reconciled()).toMatchObject({ registry: 4000, exchange: 4000 });
  });

  it('a withdrawal takes only available units and the registry moves them back to the member', async () => {
    // 1,500 of cq-custody-a's 1,800 are reserved by a resting sell: only 300 are available.
    const resting = { instrument: INSTRUMENT, account: 'cq-custody-a', side: 'sell', price: 3900, qty: 1500 };
    expect((await postJson(`${base}/orders`, resting)).status).toBe(202);
    const withdraw = (member: string, qty: number, reference: string, instrument = INSTRUMENT) =>
      postJson(`${base}/members/${member}/unit-withdrawals`, { instrument, qty, reference });
    expect(await withdraw('cq-custody-a', 301, 'w-a-1')).toMatchObject({
      status: 422,
      body: { code: 'CLEARING.INSUFFICIENT_UNITS', field: 'qty' },
    });
    expect(await withdraw('cq-custody-a', 10, 'w-a-x', 'CCER')).toMatchObject({
      status: 422,
      body: { code: 'CUSTODY.NO_REGISTRY', field: 'instrument' },
    });
    expect(await withdraw('cq-nobody', 10, 'w-n-1')).toMatchObject({ status: 404 });
    expect((await withdraw('cq-custody-a', 0, 'w-a-0')).status).toBe(400);
    expect(await held('cq-custody-a')).toEqual({ available: 300, reserved: 1500 });
    expect(await reconciled()).toMatchObject({ registry: 4000, exchange: 4000 });

    expect((await withdraw('cq-custody-a', 300, 'w-a-2')).status).toBe(200);
    expect((await withdraw('cq-custody-b', 700, 'w-b-1')).status).toBe(200);
    expect((await withdraw('cq-custody-b', 700, 'w-b-1')).status).toBe(200); // a retry: applied once
    expect(await withdraw('cq-custody-b', 1, 'w-b-1')).toMatchObject({
      status: 409,
      body: { code: 'CLEARING.REFERENCE_CONFLICT', field: 'reference' },
    });
    expect(await held('cq-custody-b')).toEqual({ available: 1500, reserved: 0 });
    expect(await reconciled()).toMatchObject({ registry: 3000, exchange: 3000, difference: 0 });
    // Each withdrawal message is acknowledged to the relay (no resending forever).
    const acknowledged = await service.app
      .get(DataSource)
      .query(`SELECT message_id FROM processed_messages WHERE consumer = 'registry-custody' ORDER BY 1`);
    expect(acknowledged).toEqual([
      { message_id: 'custody-withdrawal:cq-custody-a:w-a-2' },
      { message_id: 'custody-withdrawal:cq-custody-b:w-b-1' },
    ]);
    expect(await registryBalance('cq-custody-a')).toBe(2300);
    expect(await registryBalance('cq-custody-b')).toBe(700);
    // Units in the registries are conserved: every unit issued is in an account.
    expect(
      (await registryBalance('cq-custody-a')) +
        (await registryBalance('cq-custody-b')) +
        (await registryBalance('CQ-EXCHANGE')),
    ).toBe(6000);
  });

  it('refuses a by-reference deposit of units the registry keeps, naming the field; CCER still goes by reference', async () => {
    const byReference = (instrument: string) =>
      postJson(`${base}/members/cq-custody-b/unit-deposits`, {
        instrument,
        qty: 10,
        registryTransfer: `ref-${instrument}`,
      });
    for (const instrument of [INSTRUMENT, 'SCEA-2025', 'CQCER'])
      expect(await byReference(instrument)).toMatchObject({
        status: 422,
        body: { code: 'CUSTODY.DEPOSIT_THROUGH_REGISTRY', field: 'instrument' },
      });
    expect(await held('cq-custody-b')).toEqual({ available: 1500, reserved: 0 });
    expect((await byReference('CCER')).status).toBe(200);
  });

  it('a withdrawal the registry refuses is credited back on the exchange with the reason, and stays reconciled', async () => {
    const before = await reconciled();
    // Custody's units locked: the registry cannot move any out.
    const lock = await registryPost('/locks', {
      commandId: 'lock-custody',
      actor: 'regulator:cq',
      lockId: 'custody-frozen',
      reason: 'test: custody frozen',
      from: 'CQ-EXCHANGE',
      quantity: before.registry,
      kind: 'CARBON_ALLOWANCE',
      vintage: 2025,
    });
    expect(lock.status).toBe(201);
    const withdrawn = await postJson(`${base}/members/cq-custody-b/unit-withdrawals`, {
      instrument: INSTRUMENT,
      qty: 100,
      reference: 'w-b-refused',
    });
    expect(withdrawn.status).toBe(200);
    await eventually(
      async () => ((await held('cq-custody-b')).available === 1500 ? true : undefined),
      15000,
      'the refused withdrawal credited back',
    );
    const [event] = await service.app
      .get(DataSource)
      .query(
        `SELECT data FROM events WHERE stream_id = 'member-cq-custody-b' AND type = 'UnitsWithdrawalRefused'`,
      );
    expect(event.data).toMatchObject({
      member: 'cq-custody-b',
      instrument: INSTRUMENT,
      qty: 100,
      reference: 'w-b-refused',
      reason: expect.stringMatching(/^LEDGER\./),
    });
    expect(await reconciled()).toMatchObject({ registry: before.registry, exchange: before.exchange });
    expect(await registryBalance('cq-custody-b')).toBe(700);
    expect(
      (
        await registryPost('/locks/custody-frozen/release', {
          commandId: 'unlock-custody',
          actor: 'regulator:cq',
        })
      ).status,
    ).toBe(200);
  });
});
