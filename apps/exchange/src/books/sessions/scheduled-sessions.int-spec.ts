import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { bookStreamId } from '@app/contracts';
import { AUTH_MIGRATIONS, configureHttpApp, parseAppConfig, PlatformModule } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { eventually, getJson, postJson } from '../../../../../test/support/http';
import { fundMember } from '../../../../../test/support/members';
import { CLOCK } from '../../../../gateway/src/clock/clock';
import { ALL_MIGRATIONS, withInfrastructure } from '../../../../gateway/src/gateway.app';
import { GatewayModule } from '../../../../gateway/src/gateway.module';
import { ExchangeModule } from '../../exchange.module';
import { SessionScheduler } from './session-scheduler';

/** Shanghai is UTC+8 all year. */
const shanghai = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);
/**
 * CCER: its registry is not modelled, so members are funded by reference and the test needs no
 * registry (sessions are the same for every instrument).
 */
const SYMBOL = 'CCER';

/**
 * `EXCHANGE_SESSIONS=scheduled` through the whole pipeline on PostgreSQL: the gateway takes the
 * orders, the scheduler (on a clock the test moves) sends the session changes through the outbox
 * and the shard queue, and the book's stream records the close, the expiry and the reopening.
 */
describe('scheduled trading sessions, gateway and exchange on PostgreSQL', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url = '';
  let now = shanghai('2026-11-24T10:00');
  const clock = { now: () => now };

  const bookEvents = async () =>
    (await db.dataSource.query(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [
      bookStreamId(SYMBOL),
    ])) as { type: string; data: Record<string, unknown> }[];
  const waitForEvents = (what: string, count: number) =>
    eventually(
      async () => {
        const events = await bookEvents();
        return events.length >= count ? events : undefined;
      },
      15_000,
      what,
    );
  const place = async (orderId: string, side: 'buy' | 'sell', price: number, tif: 'DAY' | 'GTC') => {
    const response = await postJson(`${url}/orders`, {
      instrument: SYMBOL,
      account: side === 'buy' ? 'cq-buyer' : 'cq-seller',
      side,
      price,
      qty: 100,
      tif,
      clientOrderId: orderId,
    });
    expect(response.status).toBe(202);
  };

  beforeAll(async () => {
    // Every service runs the auth migrations first (startService): the access guard reads them.
    db = await createTestDatabase({ migrations: [...AUTH_MIGRATIONS, ...ALL_MIGRATIONS] });
    const config = parseAppConfig({
      DATABASE_URL: db.url,
      EXCHANGE_SESSIONS: 'scheduled',
      EXCHANGE_SHARD_POLL_MS: '100',
      QUEUE_PREFIX: `sessions-${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'warn',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        withInfrastructure(config, PlatformModule.forRoot({ config, databaseUrl: db.url }), [
          GatewayModule,
          ExchangeModule,
        ]),
      ],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication();
    configureHttpApp(app, 'sessions test', config);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    await fundMember(url, 'cq-buyer', { cash: 2_000_000_000, jurisdiction: 'CQ' });
    await fundMember(url, 'cq-seller', { units: { [SYMBOL]: 10_000 }, jurisdiction: 'CQ' });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('closes at 15:00 expiring the DAY order, refuses orders while closed, reopens at 09:30 and trades', async () => {
    const scheduler = app.get(SessionScheduler);
    // Tuesday 10:00: the scheduler opened the books at start (a no-op on a new book).
    await place('day-bid', 'buy', 7990, 'DAY');
    await place('gtc-ask', 'sell', 8010, 'GTC');
    await waitForEvents('both orders to rest', 2);
    const reserved = async () =>
      (await getJson<{ cash: { reserved: number } }>(`${url}/members/cq-buyer/positions`)).cash.reserved;
    expect(await reserved()).toBeGreaterThanOrEqual(7990 * 100);

    now = shanghai('2026-11-24T15:00:02');
    await scheduler.tick();
    const closed = await waitForEvents('the close', 4);
    expect(closed.slice(2)).toEqual([
      {
        type: 'SessionChanged',
        data: { instrument: SYMBOL, from: 'continuous', to: 'closed', tradingDay: '2026-11-24', at: now },
      },
      {
        type: 'OrderCancelled',
        data: { orderId: 'day-bid', instrument: SYMBOL, qty: 100, reason: 'expired' },
      },
    ]);

    // The expiry released the buyer's cash reservation (clearing settles in the append's transaction).
    expect(await reserved()).toBe(0);

    now = shanghai('2026-11-24T20:00');
    await place('after-hours', 'buy', 8010, 'GTC');
    const refused = await waitForEvents('the after-hours order', 5);
    expect(refused[4]).toEqual({
      type: 'OrderRejected',
      data: expect.objectContaining({ orderId: 'after-hours', reason: 'session-closed' }),
    });

    now = shanghai('2026-11-25T09:30:01');
    await scheduler.tick();
    await scheduler.tick();
    await place('morning-bid', 'buy', 8010, 'GTC');
    const reopened = await waitForEvents('the reopening and the trade', 9);
    expect(reopened.slice(5).map((e) => e.type)).toEqual([
      'SessionChanged',
      'SessionChanged',
      'OrderAccepted',
      'TradeExecuted',
    ]);
    expect(reopened.slice(5, 7).map((e) => e.data.to)).toEqual(['pre-open', 'continuous']);
    expect(reopened[8].data).toMatchObject({ tradeNo: 1, price: 8010, qty: 100, sellOrderId: 'gtc-ask' });
  });

  it('takes block trades only in the block window, 13:00–15:00', async () => {
    const report = async (clientTradeId: string) => {
      await fundMember(url, `${clientTradeId}-seller`, { units: { [SYMBOL]: 100_000 }, jurisdiction: 'CQ' });
      const response = await postJson(`${url}/block-trades`, {
        instrument: SYMBOL,
        buyer: 'cq-buyer',
        seller: `${clientTradeId}-seller`,
        price: 8000,
        qty: 100_000,
        clientTradeId,
      });
      expect(response.status).toBe(202);
    };
    const before = (await bookEvents()).length;
    now = shanghai('2026-11-25T10:00');
    await report('morning-block');
    now = shanghai('2026-11-25T13:30');
    await report('afternoon-block');
    const events = (await waitForEvents('both block reports', before + 2)).slice(before);
    expect(events.map((e) => [e.type, e.data.tradeId, e.data.reason])).toEqual([
      ['BlockTradeRejected', 'block:morning-block', 'outside-block-session'],
      ['BlockTradeExecuted', 'block:afternoon-block', undefined],
    ]);
    const refusedSeller = await getJson<{
      holdings: { instrument: string; available: number; reserved: number }[];
    }>(`${url}/members/morning-block-seller/positions`);
    expect(refusedSeller.holdings).toEqual([
      expect.objectContaining({ instrument: SYMBOL, available: 100_000, reserved: 0 }),
    ]);
  });
});
