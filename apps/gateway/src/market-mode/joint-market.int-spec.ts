import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { bookStreamId } from '@app/contracts';
import { AUTH_MIGRATIONS, configureHttpApp, parseAppConfig, PlatformModule } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { eventually, getJson, postJson } from '../../../../test/support/http';
import { fundMember } from '../../../../test/support/members';
import { ExchangeModule } from '../../../exchange/src/exchange.module';
import { REGISTRY_MIGRATIONS, RegistryModule } from '../../../registry/src/registry.module';
import { CLOCK } from '../clock/clock';
import { ALL_MIGRATIONS, withInfrastructure } from '../gateway.app';
import { GatewayModule } from '../gateway.module';

const TODAY = '2026-11-25';
const LINKED = 'LINKED-EA-2025';

interface Positions {
  cash: { available: number; reserved: number };
  holdings: { instrument: string; available: number; reserved: number }[];
}

/**
 * The joint carbon market on PostgreSQL, gateway + matching worker + registries in one process:
 * separate → linked by both regulators' keys; a Chongqing seller and a Sichuan buyer trade in
 * one book; a surrender of Sichuan allowances in Chongqing is refused until the markets are
 * linked; back to separate.
 */
describe('joint carbon market: market-mode switch, linked book and linked surrender (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url = '';
  const clock = { now: () => Date.parse(`${TODAY}T10:00:00+08:00`) };

  const streamEvents = async (instrument: string) =>
    (await db.dataSource.query(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [
      bookStreamId(instrument),
    ])) as { type: string; data: Record<string, unknown> }[];
  const waitFor = <T>(what: string, probe: () => Promise<T | undefined>) => eventually(probe, 15_000, what);
  const positions = (member: string) => getJson<Positions>(`${url}/members/${member}/positions`);
  const holding = async (member: string, instrument: string) =>
    (await positions(member)).holdings.find((h) => h.instrument === instrument) ?? {
      available: 0,
      reserved: 0,
    };
  const order = async (
    clientOrderId: string,
    instrument: string,
    account: string,
    side: string,
    price: number,
    qty: number,
  ) => {
    const r = await postJson(`${url}/orders`, { instrument, account, side, price, qty, clientOrderId });
    expect(r.status).toBe(202);
  };
  const decide = (path: string, body: object) => postJson(`${url}/market-mode${path}`, body);
  const registry = (jurisdiction: 'CQ' | 'SC', path: string, body: object) =>
    postJson(`${url}/registries/${jurisdiction}${path}`, {
      actor: `regulator:${jurisdiction.toLowerCase()}-eco`,
      ...body,
    });
  const surrenderScInCq = (commandId: string) =>
    postJson(`${url}/registries/CQ/surrenders`, {
      commandId,
      actor: 'firm:cq-steel',
      from: 'cq-steel',
      quantity: 300,
      kind: 'CARBON_ALLOWANCE',
      vintage: 2025,
      complianceYear: 2025,
      issuedBy: 'SC',
    });
  const scTotal = async () =>
    (await getJson<{ total: number }>(`${url}/registries/SC/accounts/cq-steel`)).total;

  beforeAll(async () => {
    // Every service runs the auth migrations first (startService): the access guard reads them.
    db = await createTestDatabase({
      migrations: [...AUTH_MIGRATIONS, ...ALL_MIGRATIONS, ...REGISTRY_MIGRATIONS],
    });
    const config = parseAppConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'warn', EXCHANGE_SHARD_POLL_MS: '100' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        withInfrastructure(config, PlatformModule.forRoot({ config, databaseUrl: db.url }), [
          GatewayModule,
          ExchangeModule,
          RegistryModule,
        ]),
      ],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication();
    configureHttpApp(app, 'joint market test', config);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    await fundMember(url, 'cq-seller', { units: { 'CQEA-2025': 1_000 }, jurisdiction: 'CQ' });
    await fundMember(url, 'sc-buyer', { cash: 10_000_000, jurisdiction: 'SC' });
    // A Chongqing firm holding Sichuan allowances in the Sichuan registry.
    for (const j of ['CQ', 'SC'] as const)
      expect(
        (
          await registry(j, '/accounts', {
            commandId: `open-${j}`,
            accountId: 'cq-steel',
            accountType: 'ENTERPRISE_HOLDING',
          })
        ).status,
      ).toBe(201);
    // Some Chongqing 2025 allowances too: the CQ registry then knows the 2025 compliance year.
    for (const j of ['CQ', 'SC'] as const)
      expect(
        (
          await registry(j, '/issuances', {
            commandId: `issue-${j}`,
            accountId: 'cq-steel',
            kind: 'CARBON_ALLOWANCE',
            vintage: 2025,
            quantity: 1_000,
          })
        ).status,
      ).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('keeps the markets separate: the provinces’ orders do not meet, and SC allowances are refused in CQ', async () => {
    await order('sep-ask', 'CQEA-2025', 'cq-seller', 'sell', 3600, 100);
    await order('sep-bid', 'SCEA-2025', 'sc-buyer', 'buy', 3960, 50);
    await waitFor('both orders to rest in their own books', async () => {
      const [cq, sc] = [await streamEvents('CQEA-2025'), await streamEvents('SCEA-2025')];
      return cq.length > 0 && sc.length > 0 ? true : undefined;
    });
    expect((await streamEvents('SCEA-2025')).map((e) => e.type)).toEqual(['OrderAccepted']);

    const refused = await surrenderScInCq('sur-before');
    expect(refused).toMatchObject({ status: 422, body: { code: 'MARKET.NOT_LINKED', field: 'issuedBy' } });
    expect(await scTotal()).toBe(1_000);
  });

  it('changes nothing on one regulator’s approval alone', async () => {
    const proposed = await decide('/decisions', {
      regulator: 'CQ-EEB',
      document: {
        version: 'link-2026',
        mode: 'linked',
        exchangeRatio: { CQ: 1, SC: 1 },
        note: '川渝碳市场联通',
      },
    });
    expect(proposed).toMatchObject({ status: 201, body: { version: 'link-2026', status: 'proposed' } });
    const one = await decide('/decisions/link-2026/approvals', {
      regulator: 'CQ-EEB',
      jurisdiction: 'CQ',
      effectiveFrom: TODAY,
    });
    expect(one).toMatchObject({
      status: 201,
      body: { status: 'proposed', approvals: { CQ: { regulator: 'CQ-EEB' } } },
    });
    expect(await getJson(`${url}/market-mode?at=${TODAY}`)).toMatchObject({ mode: 'separate' });
    expect((await surrenderScInCq('sur-one-key')).status).toBe(422);
    expect(await streamEvents(LINKED)).toEqual([]);
  });

  it('refuses bad decisions with the field and reason', async () => {
    const wrongKey = await decide('/decisions/link-2026/approvals', {
      regulator: 'CQ-EEB',
      jurisdiction: 'SC',
      effectiveFrom: TODAY,
    });
    // Chongqing's regulator signing Sichuan's key: refused at the edge already (docs/security.md).
    expect(wrongKey).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const otherDay = await decide('/decisions/link-2026/approvals', {
      regulator: 'SC-DEE',
      jurisdiction: 'SC',
      effectiveFrom: '2027-01-01',
    });
    expect(otherDay).toMatchObject({ status: 422, body: { code: 'MARKET.EFFECTIVE_DATE_MISMATCH' } });
    const badMode = await decide('/decisions', {
      regulator: 'SC-DEE',
      document: { version: 'x', mode: 'merged' },
    });
    expect(badMode.status).toBe(400);
    expect(JSON.stringify(badMode.body.message)).toMatch(/mode/);
    expect(await fetch(`${url}/market-mode?at=tomorrow`).then((r) => r.status)).toBe(400);
    expect(await fetch(`${url}/market-mode?at=2026-02-30T99:00:00Z`).then((r) => r.status)).toBe(422);
    expect(await fetch(`${url}/market-mode?at=2026-02-30`).then((r) => r.status)).toBe(422);
    const noSuchDay = await decide('/decisions/link-2026/approvals', {
      regulator: 'SC-DEE',
      jurisdiction: 'SC',
      effectiveFrom: '2026-02-30',
    });
    expect(noSuchDay).toMatchObject({
      status: 422,
      body: { code: 'MARKET.BAD_DATE', field: 'effectiveFrom' },
    });
    const past = await decide('/decisions/link-2026/approvals', {
      regulator: 'SC-DEE',
      jurisdiction: 'SC',
      effectiveFrom: '2026-11-24',
    });
    expect(past).toMatchObject({
      status: 422,
      body: { code: 'MARKET.EFFECTIVE_IN_PAST', field: 'effectiveFrom' },
    });
  });

  it('links the markets on the second key: resting orders are cancelled and their reservations released', async () => {
    const adopted = await decide('/decisions/link-2026/approvals', {
      regulator: 'SC-DEE',
      jurisdiction: 'SC',
      effectiveFrom: TODAY,
    });
    expect(adopted).toMatchObject({ status: 201, body: { status: 'adopted', effectiveFrom: TODAY } });
    expect(await getJson(`${url}/market-mode`)).toMatchObject({
      mode: 'linked',
      version: 'link-2026',
      exchangeRatio: { CQ: 1, SC: 1 },
    });
    const linked = await waitFor('the linked book to record the switch', async () => {
      const events = await streamEvents(LINKED);
      return events.length > 0 ? events : undefined;
    });
    expect(linked).toEqual([
      { type: 'MarketModeApplied', data: expect.objectContaining({ mode: 'linked', version: 'link-2026' }) },
    ]);
    for (const [instrument, orderId] of [
      ['CQEA-2025', 'sep-ask'],
      ['SCEA-2025', 'sep-bid'],
    ])
      expect((await streamEvents(instrument)).at(-1)).toEqual({
        type: 'OrderCancelled',
        data: expect.objectContaining({ orderId, reason: 'market-linked' }),
      });
    await waitFor('the reservations to be released', async () => {
      const buyer = await positions('sc-buyer');
      const seller = await holding('cq-seller', 'CQEA-2025');
      return buyer.cash.reserved === 0 && seller.reserved === 0 ? true : undefined;
    });
  });

  it('trades a Chongqing seller with a Sichuan buyer in one book, delivering CQ allowances', async () => {
    await order('cq-ask', 'CQEA-2025', 'cq-seller', 'sell', 3600, 100);
    await order('sc-bid', 'SCEA-2025', 'sc-buyer', 'buy', 3700, 60);
    const trade = await waitFor('the linked trade', async () =>
      (await streamEvents(LINKED)).find((e) => e.type === 'TradeExecuted'),
    );
    expect(trade.data).toMatchObject({
      instrument: LINKED,
      price: 3600,
      qty: 60,
      buyer: 'sc-buyer',
      seller: 'cq-seller',
      legs: { buy: { instrument: 'SCEA-2025', qty: 60 }, sell: { instrument: 'CQEA-2025', qty: 60 } },
    });
    await waitFor('the linked book’s depth', async () => {
      const depth = await getJson<{ asks: { price: number; qty: number }[] }>(`${url}/book/${LINKED}`);
      return depth.asks[0]?.qty === 40 ? depth : undefined;
    });
    expect((await fetch(`${url}/book/LINKED-EA-1999`)).status).toBe(404);
    await waitFor('settlement', async () =>
      (await holding('sc-buyer', 'CQEA-2025')).available === 60 ? true : undefined,
    );
    expect(await holding('cq-seller', 'CQEA-2025')).toMatchObject({ available: 900, reserved: 40 });
    const buyer = await positions('sc-buyer');
    expect(buyer.cash.reserved).toBe(0);
    expect(buyer.cash.available).toBeLessThanOrEqual(10_000_000 - 3600 * 60);
    const { cash } = await positions('cq-seller');
    expect(cash.available).toBeGreaterThan(0);
    expect(cash.available).toBeLessThanOrEqual(3600 * 60);
  });

  it('accepts SC allowances in a CQ surrender while linked, counted toward the CQ obligation', async () => {
    const accepted = await surrenderScInCq('sur-linked');
    expect(accepted).toMatchObject({
      status: 201,
      body: {
        jurisdiction: 'SC',
        quantity: 300,
        countedIn: 'CQ',
        counted: 300,
        marketModeVersion: 'link-2026',
      },
    });
    expect(await scTotal()).toBe(700);
    expect((await surrenderScInCq('sur-linked')).body).toMatchObject({ replayed: true, counted: 300 });
    expect(await scTotal()).toBe(700);
    // Chongqing's compliance run counts them as allowances of the firm's year.
    const cq = (path: string, body: object) => registry('CQ', path, body);
    expect(
      (
        await cq('/emission-reports', {
          commandId: 'rep',
          firmId: 'cq-steel',
          accountId: 'cq-steel',
          complianceYear: 2025,
          emissions: 300,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await postJson(`${url}/registries/CQ/verifications`, {
          actor: 'verifier:cq-v1',
          commandId: 'ver',
          firmId: 'cq-steel',
          complianceYear: 2025,
          verifiedEmissions: 300,
        })
      ).status,
    ).toBe(201);
    const run = await cq('/compliance-runs', {
      commandId: 'run',
      complianceYear: 2025,
      avgPriceLastMonthFen: 5000,
    });
    expect(run).toMatchObject({
      status: 201,
      body: { records: [{ summary: { firms: 1, compliant: 1, inShortfall: 0 } }] },
    });
  });

  it('separates the markets again: the linked book’s orders are cancelled and each province trades alone', async () => {
    expect(
      (
        await decide('/decisions', {
          regulator: 'SC-DEE',
          document: { version: 'separate-2026', mode: 'separate' },
        })
      ).status,
    ).toBe(201);
    for (const [regulator, jurisdiction] of [
      ['SC-DEE', 'SC'],
      ['CQ-EEB', 'CQ'],
    ])
      expect(
        (
          await decide('/decisions/separate-2026/approvals', {
            regulator,
            jurisdiction,
            effectiveFrom: TODAY,
          })
        ).status,
      ).toBe(201);
    await waitFor('the separation', async () => {
      const last = (await streamEvents(LINKED)).at(-1);
      return last?.type === 'MarketModeApplied' && last.data.mode === 'separate' ? true : undefined;
    });
    expect((await streamEvents(LINKED)).filter((e) => e.type === 'OrderCancelled')).toEqual([
      {
        type: 'OrderCancelled',
        data: expect.objectContaining({ orderId: 'cq-ask', qty: 40, reason: 'market-separated' }),
      },
    ]);
    await waitFor('the seller’s units released', async () =>
      (await holding('cq-seller', 'CQEA-2025')).reserved === 0 ? true : undefined,
    );
    expect((await surrenderScInCq('sur-after')).status).toBe(422);
    await order('after-ask', 'CQEA-2025', 'cq-seller', 'sell', 3600, 10);
    await waitFor('the order in its own book', async () =>
      (await streamEvents('CQEA-2025')).some(
        (e) => e.type === 'OrderAccepted' && (e.data.order as { orderId: string }).orderId === 'after-ask',
      )
        ? true
        : undefined,
    );
    const history = await getJson<{ version: string; status: string }[]>(`${url}/market-mode/decisions`);
    expect(history.map((d) => [d.version, d.status])).toEqual([
      ['link-2026', 'adopted'],
      ['separate-2026', 'adopted'],
    ]);
  });

  it('documents the API in OpenAPI, with the surrender’s issuedBy', async () => {
    const doc = await getJson<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties: object }> };
    }>(`${url}/docs/json`);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/market-mode',
        '/market-mode/decisions',
        '/market-mode/decisions/{version}/approvals',
      ]),
    );
    expect(Object.keys(doc.components.schemas.SurrenderUnitsDto.properties)).toContain('issuedBy');
    expect(Object.keys(doc.components.schemas.MarketModeRecordView.properties)).toContain('approvals');
  });
});
