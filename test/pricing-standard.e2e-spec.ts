import { dayBounds } from '@app/clearing';
import { CHENGYU_PRICING_STANDARD_2026_1 } from '@app/pricing';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { systemClock } from '../apps/gateway/src/clock/clock';
import { eventually, getJson, postJson } from './support/http';
import { fundMember } from './support/members';

const INSTRUMENT = 'SCEA-2025'; // reference 4000 fen, ±10 % listing, ±30 % block, tick 1
/** Version 2026.2 differs from the national rule in one point: negotiated block trades count in the close. */
const STANDARD_2026_2 = {
  ...CHENGYU_PRICING_STANDARD_2026_1,
  version: '2026.2',
  title: 'Chengdu–Chongqing pricing standard 2026.2: block trades count in the close',
  closing: { ...CHENGYU_PRICING_STANDARD_2026_1.closing, venues: ['continuous', 'block'] },
};

interface Close {
  instrument: string;
  price: number;
  volume: number;
  rule: string;
}

/**
 * Both provinces' regulators adopt a pricing standard over HTTP and the exchange then uses it:
 * the gateway, matching worker and clearing of the sandbox in one process on a real PostgreSQL
 * database (in-process queues). The clock is moved to the next trading day to see the new band.
 */
describe('the joint pricing standard: two-key adoption, then the close and the next day’s band follow it', () => {
  let db: TestDatabase;
  let service: RunningService;
  let base = '';
  const realNow = systemClock.now;
  // Beijing date of the day being traded (the trades are recorded at the database's now()).
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const standardEvents = async () =>
    Number(
      (
        await db.dataSource.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM events WHERE stream_id = 'pricing-standard'`,
        )
      )[0].n,
    );
  const closeDay = async () => {
    const r = await postJson(`${base}/end-of-day`, { date: today });
    expect(r.status).toBe(200);
    return (r.body as unknown as Close[]).find((c) => c.instrument === INSTRUMENT)!;
  };
  const approve = (version: string, body: Record<string, unknown>) =>
    postJson(`${base}/pricing-standards/${version}/approvals`, {
      effectiveFrom: today,
      ...body,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startService(
      sandboxService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'error', DEMO: 'off', DATABASE_URL: db.url })),
    );
    base = service.url;
    await fundMember(base, 'sc-buyer', { cash: 1_000_000_000, jurisdiction: 'SC' });
    await fundMember(base, 'sc-seller', { units: { [INSTRUMENT]: 100_300 }, jurisdiction: 'SC' });
    // The day's trades: 300 t on the listing market at 40.00, a 100,000 t block trade at 44.00.
    await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-seller',
      side: 'sell',
      price: 4000,
      qty: 300,
      clientOrderId: 'ps-s1',
    });
    await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-buyer',
      side: 'buy',
      price: 4000,
      qty: 300,
      clientOrderId: 'ps-b1',
    });
    const block = await postJson(`${base}/block-trades`, {
      instrument: INSTRUMENT,
      buyer: 'sc-buyer',
      seller: 'sc-seller',
      price: 4400,
      qty: 100_000,
      clientTradeId: 'ps-blk',
    });
    expect(block.status).toBe(202);
    await eventually(
      async () => {
        const trades = await getJson<unknown[]>(`${base}/trades?instrument=${INSTRUMENT}`);
        const held = await getJson<{ holdings: { instrument: string; available: number }[] }>(
          `${base}/members/sc-buyer/positions`,
        );
        const units = held.holdings.find((h) => h.instrument === INSTRUMENT)?.available;
        return trades.length >= 1 && units === 100_300 ? true : undefined;
      },
      20000,
      'both trades settled',
    );
  }, 90000);

  afterAll(async () => {
    systemClock.now = realNow;
    await service?.close();
    await db?.drop();
  });

  it('refuses bad proposals and approvals with the field and reason, storing nothing', async () => {
    const bad = {
      ...STANDARD_2026_2,
      bands: { ...STANDARD_2026_2.bands, POLLUTANT: { tickFen: 0, listingBandBp: 1000, blockBandBp: 3000 } },
    };
    expect(await postJson(`${base}/pricing-standards`, { regulator: 'SC-DEE', document: bad })).toMatchObject(
      {
        status: 400,
        body: { code: 'PRICING.INVALID_STANDARD', field: 'bands.POLLUTANT.tickFen' },
      },
    );
    expect(
      await postJson(`${base}/pricing-standards`, { regulator: 'SC-DEE', document: { version: '2026.2' } }),
    ).toMatchObject({ status: 400, body: { code: 'PRICING.INVALID_STANDARD', field: 'title' } });
    expect(await postJson(`${base}/pricing-standards`, { regulator: 'SC-DEE' })).toMatchObject({
      status: 400,
    });
    // Signed by whoever signed in: a body naming someone else is refused (docs/security.md).
    expect(
      await postJson(`${base}/pricing-standards`, { regulator: 'mayor', document: STANDARD_2026_2 }),
    ).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN', message: expect.stringContaining('the body names mayor') },
    });
    expect(await approve('2099.1', { province: 'CQ', regulator: 'CQ-EEB', commandId: 'x-1' })).toMatchObject({
      status: 404,
      body: { code: 'PRICING.UNKNOWN_VERSION' },
    });
    expect(await standardEvents()).toBe(0);
  });

  it('keeps the old rule while only one province has approved', async () => {
    const proposed = await postJson(`${base}/pricing-standards`, {
      regulator: 'SC-DEE',
      document: STANDARD_2026_2,
      commandId: 'propose-2026.2',
    });
    expect(proposed).toMatchObject({
      status: 201,
      body: { version: '2026.2', status: 'proposed', proposedBy: 'SC', awaiting: ['CQ', 'SC'] },
    });
    const sc = { province: 'SC', regulator: 'SC-DEE', commandId: 'sc-approves-2026.2' };
    const first = await approve('2026.2', sc);
    expect(first).toMatchObject({
      status: 201,
      body: { status: 'approved-by-one', awaiting: ['CQ'], inForce: false },
    });
    const stored = await standardEvents();

    // Idempotent by commandId; the same province again, another body under the key, the other
    // province's key, a past or malformed date: refused, nothing stored.
    expect(await approve('2026.2', sc)).toEqual(first);
    expect(await approve('2026.2', { ...sc, commandId: 'sc-again' })).toMatchObject({
      status: 409,
      body: { code: 'PRICING.ALREADY_APPROVED' },
    });
    expect(await approve('2026.2', { ...sc, effectiveFrom: '2099-01-01' })).toMatchObject({
      status: 409,
      body: { code: 'PRICING.COMMAND_CONFLICT', field: 'commandId' },
    });
    // Chongqing's regulator signing Sichuan's key: refused at the edge already (docs/security.md).
    expect(
      await approve('2026.2', { province: 'SC', regulator: 'CQ-EEB', commandId: 'cq-as-sc' }),
    ).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    expect(
      await approve('2026.2', {
        province: 'CQ',
        regulator: 'CQ-EEB',
        commandId: 'cq-1',
        effectiveFrom: '2099-01-01',
      }),
    ).toMatchObject({
      status: 409,
      body: { code: 'PRICING.EFFECTIVE_DATE_MISMATCH', field: 'effectiveFrom' },
    });
    expect(
      await approve('2026.2', {
        province: 'CQ',
        regulator: 'CQ-EEB',
        commandId: 'cq-1',
        effectiveFrom: '2020-01-01',
      }),
    ).toMatchObject({ status: 422, body: { code: 'PRICING.EFFECTIVE_IN_PAST', field: 'effectiveFrom' } });
    expect(
      await approve('2026.2', {
        province: 'XX',
        regulator: 'CQ-EEB',
        commandId: 'cq-1',
        effectiveFrom: '1.1.2027',
      }),
    ).toMatchObject({ status: 400 });
    expect(await standardEvents()).toBe(stored);

    expect((await fetch(`${base}/pricing-standards/in-force?at=${today}`)).status).toBe(404);
    expect(await getJson(`${base}/instruments/CQCOD`)).toMatchObject({ tick: 1 });
    const close = await closeDay();
    // National rule: the listing trades only, 300 t at 40.00.
    expect(close).toMatchObject({ price: 4000, volume: 300, rule: 'vwap-listing-trades' });
  });

  it('adopts the version with the second key; the close follows its rule and moves the next day’s band', async () => {
    const adopted = await approve('2026.2', {
      province: 'CQ',
      regulator: 'CQ-EEB',
      commandId: 'cq-approves-2026.2',
    });
    expect(adopted).toMatchObject({
      status: 201,
      body: { status: 'adopted', effectiveFrom: today, awaiting: [], inForce: true },
    });
    expect(await getJson(`${base}/pricing-standards?at=${today}`)).toEqual([
      expect.objectContaining({
        version: '2026.2',
        status: 'adopted',
        approvals: {
          CQ: { regulator: 'CQ-EEB', effectiveFrom: today },
          SC: { regulator: 'SC-DEE', effectiveFrom: today },
        },
      }),
    ]);
    // The class rules are in force from the effective date: pollutant rights now tick in whole yuan.
    expect(await getJson(`${base}/instruments/CQCOD`)).toMatchObject({
      tick: 100,
      referencePrice: 2_000_000,
    });
    expect(await getJson(`${base}/pricing-standards/in-force?at=${today}`)).toMatchObject({
      version: '2026.2',
      effectiveFrom: today,
    });

    // Closed again: (300 × 4000 + 100,000 × 4400) ÷ 100,300 = 4398.80 → 43.99.
    expect(await closeDay()).toMatchObject({
      price: 4399,
      volume: 100_300,
      rule: 'pricing-standard 2026.2: vwap',
    });

    // The next trading day, 10:00 Beijing time: the band is 4399 ± 10 % = [3960, 4838].
    const tomorrow = dayBounds(today).end + 10 * 3_600_000;
    systemClock.now = () => tomorrow;
    const rules = await eventually(async () => {
      const r = await getJson<{ referencePrice: number; bandBp: number }>(
        `${base}/instruments/${INSTRUMENT}`,
      );
      return r.referencePrice === 4399 ? r : undefined;
    });
    expect(rules.bandBp).toBe(1000);
    // The matching worker's book takes the close as its reference by a ConfigureBook command.
    const configured = await eventually(async () => {
      const rows = await db.dataSource.query<{ data: { decisionId: string; changes: unknown } }[]>(
        `SELECT data FROM events WHERE stream_id = $1 AND type = 'BookConfigured' ORDER BY stream_version`,
        [`book-${INSTRUMENT}`],
      );
      const close = rows.find((r) => r.data.decisionId.startsWith(`close:${today}#`));
      return close?.data;
    });
    expect(configured.changes).toEqual({ referencePrice: 4399 });
    const order = (price: number, clientOrderId: string) =>
      postJson(`${base}/orders`, {
        instrument: INSTRUMENT,
        account: 'sc-buyer',
        side: 'buy',
        price,
        qty: 10,
        clientOrderId,
      });
    // Inside yesterday's band, outside today's: refused at the edge.
    expect(await order(3900, 'ps-low')).toMatchObject({
      status: 422,
      body: { code: 'EXCHANGE.OUTSIDE_BAND', field: 'price' },
    });
    expect(await order(4839, 'ps-high')).toMatchObject({
      status: 422,
      body: { code: 'EXCHANGE.OUTSIDE_BAND' },
    });
    // Outside yesterday's band (≤ 4400), inside today's: the book takes it, so its band moved too.
    expect(await order(4838, 'ps-top')).toMatchObject({ status: 202 });
    const resting = await eventually(async () => {
      const o = await getJson<{ status: string; reason?: string }>(`${base}/orders/ps-top`);
      return o.status === 'received' ? undefined : o;
    });
    expect(resting).toMatchObject({ status: 'open' });
  });

  it('computes guide prices, CO2e and the regional index by the standard in force', async () => {
    // C = 230.00 CNY/t·yr (COD, Chongqing), r = 0, s = min(3/2, 120/100) = 6/5 → P = 276.00.
    expect(
      await getJson(
        `${base}/pricing-standards/benchmark-prices?kind=POLLUTANT_COD&jurisdiction=CQ&demand=120&supply=100&quantity=10&at=${today}`,
      ),
    ).toMatchObject({
      version: '2026.2',
      inputs: { unitAbatementCostFen: 23_000, regionalAdjustmentBp: 0, scarcity: { num: 120, den: 100 } },
      priceFenPerUnitYear: 27_600,
      validityYears: 5,
      chargeFen: 27_600 * 10 * 5,
    });
    expect(
      await getJson(
        `${base}/pricing-standards/co2e?kind=ENERGY_USE&jurisdiction=SC&quantity=1000&at=${today}`,
      ),
    ).toMatchObject({ version: '2026.2', tco2e: 2660, factor: { tco2PerUnit: { num: 266, den: 100 } } });
    expect((await fetch(`${base}/pricing-standards/benchmark-prices?kind=GOLD&jurisdiction=CQ`)).status).toBe(
      400,
    );
    const index = await getJson<{ points: { period: string; levelHundredths: number }[] }>(
      `${base}/pricing-standards/price-index?from=${today}&to=${today}`,
    );
    expect(index.points).toEqual([expect.objectContaining({ period: today, levelHundredths: 100_000 })]);
  });
});
