import { parseAppConfig, RunningService, startService } from '@app/platform';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { eventually, getJson, postJson } from './support/http';
import { fundMember } from './support/members';

interface Positions {
  cash: { available: number; reserved: number };
  holdings: { instrument: string; available: number; reserved: number; incoming: number }[];
}

const INSTRUMENT = 'SCEA-2024';

/** Members, cash and units, reservations and settlement over HTTP, in the embedded sandbox. */
describe('clearing in the sandbox: members, reservations, settlement, amend, block trades', () => {
  let service: RunningService;
  let base = '';
  const positions = (m: string) => getJson<Positions>(`${base}/members/${m}/positions`);
  const holding = (p: Positions) => p.holdings.find((h) => h.instrument === INSTRUMENT);
  const patchJson = async (url: string, body: unknown) => {
    const r = await fetch(url, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    service = await startService(sandboxService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'error' })));
    base = service.url;
    await fundMember(base, 'sc-buyer', { cash: 1_000_000_000, jurisdiction: 'SC' });
    await fundMember(base, 'sc-seller', { units: { [INSTRUMENT]: 300_000 }, jurisdiction: 'SC' });
  });
  afterAll(() => service?.close());

  it('registers a member once: the same id again is 409, a bad jurisdiction 400', async () => {
    expect(
      (await postJson(`${base}/members`, { memberId: 'sc-buyer', name: 'x', jurisdiction: 'SC' })).body,
    ).toMatchObject({
      code: 'CLEARING.DUPLICATE_MEMBER',
      field: 'memberId',
    });
    expect(
      (await postJson(`${base}/members`, { memberId: 'y', name: 'y', jurisdiction: 'MARS' })).status,
    ).toBe(400);
    expect((await fetch(`${base}/members/nobody/positions`)).status).toBe(404);
  });

  it('deposits and withdrawals are idempotent by reference; a withdrawal above what is available is 422', async () => {
    await fundMember(base, 'sc-cash-only', { jurisdiction: 'SC' });
    const deposit = { amount: 50_000, reference: 'wire-77' };
    expect((await postJson(`${base}/members/sc-cash-only/cash-deposits`, deposit)).status).toBe(200);
    const again = await postJson(`${base}/members/sc-cash-only/cash-deposits`, deposit);
    expect(again.body).toMatchObject({ cash: { available: 50_000, reserved: 0 } });
    expect(
      await postJson(`${base}/members/sc-cash-only/cash-deposits`, { ...deposit, amount: 1 }),
    ).toMatchObject({
      status: 409,
      body: { code: 'CLEARING.REFERENCE_CONFLICT', field: 'reference' },
    });
    expect(
      await postJson(`${base}/members/sc-cash-only/cash-withdrawals`, { amount: 50_001, reference: 'out-1' }),
    ).toMatchObject({ status: 422, body: { code: 'CLEARING.INSUFFICIENT_CASH', field: 'amount' } });
    const out = await postJson(`${base}/members/sc-cash-only/cash-withdrawals`, {
      amount: 20_000,
      reference: 'out-2',
    });
    expect(out.body).toMatchObject({ cash: { available: 30_000, reserved: 0 } });
    expect((await postJson(`${base}/members/nobody/cash-deposits`, deposit)).status).toBe(404);
    expect(
      (await postJson(`${base}/members/sc-cash-only/cash-deposits`, { amount: 0, reference: 'x' })).status,
    ).toBe(400);
  });

  it('crossing orders move cash and units between the members and book the fees', async () => {
    const sell = await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-seller',
      side: 'sell',
      price: 3600,
      qty: 1000,
    });
    expect(sell.status).toBe(202);
    expect(holding(await positions('sc-seller'))).toMatchObject({ available: 299_000, reserved: 1000 });
    const buy = await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-buyer',
      side: 'buy',
      price: 3650,
      qty: 1000,
    });
    expect(buy.status).toBe(202);
    const seller = await eventually(async () => {
      const p = await positions('sc-seller');
      return p.cash.available > 0 ? p : undefined;
    });
    // 3,600,000 fen notional, 10 bp fee each side = 3,600 fen.
    expect(seller.cash).toEqual({ available: 3_600_000 - 3_600, reserved: 0 });
    expect(holding(seller)).toMatchObject({ available: 299_000, reserved: 0 });
    const buyer = await positions('sc-buyer');
    expect(buyer.cash).toEqual({ available: 1_000_000_000 - 3_603_600, reserved: 0 });
    expect(holding(buyer)).toMatchObject({ available: 1000, reserved: 0, incoming: 0 });
  });

  it('refuses more than the member holds with 422 naming the field, reserving nothing', async () => {
    const before = await positions('sc-seller');
    const r = await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-seller',
      side: 'sell',
      price: 3600,
      qty: 99_999 * 4,
    });
    expect(r.status).toBe(422);
    const tooMany = await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-seller',
      side: 'sell',
      price: 3600,
      qty: 99_999,
    });
    expect(tooMany.status).toBe(202);
    const poor = await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-seller',
      side: 'buy',
      price: 3600,
      qty: 99_999,
    });
    expect(poor).toMatchObject({ status: 422, body: { code: 'CLEARING.INSUFFICIENT_CASH', field: 'qty' } });
    const unknown = await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'nobody',
      side: 'buy',
      price: 3600,
      qty: 1,
    });
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: 'CLEARING.UNKNOWN_MEMBER', field: 'account' },
    });
    const after = await positions('sc-seller');
    expect(after.cash).toEqual(before.cash);
    expect(holding(after)!.reserved).toBe(holding(before)!.reserved + 99_999);
    await fetch(`${base}/orders/${tooMany.body.orderId as string}`, { method: 'DELETE' });
    await eventually(async () => (holding(await positions('sc-seller'))!.reserved === 0 ? true : undefined));
  });

  it('amends a resting buy: a higher price reserves more, a cancel releases everything', async () => {
    const placed = await postJson(`${base}/orders`, {
      instrument: INSTRUMENT,
      account: 'sc-buyer',
      side: 'buy',
      price: 3700,
      qty: 100,
      clientOrderId: 'amend-me',
    });
    expect(placed.status).toBe(202);
    await eventually(async () =>
      (await getJson<{ status: string }>(`${base}/orders/amend-me`)).status === 'open' ? true : undefined,
    );
    expect((await positions('sc-buyer')).cash.reserved).toBe(370_370);
    expect((await patchJson(`${base}/orders/amend-me`, { price: 3750, qty: 200 })).status).toBe(202);
    const amended = await eventually(async () => {
      const o = await getJson<{ price: number; qty: number }>(`${base}/orders/amend-me`);
      return o.price === 3750 ? o : undefined;
    });
    expect(amended).toMatchObject({ qty: 200 });
    expect((await positions('sc-buyer')).cash.reserved).toBe(750_750);
    expect(await patchJson(`${base}/orders/amend-me`, {})).toMatchObject({
      status: 422,
      body: { code: 'EXCHANGE.NOTHING_TO_AMEND' },
    });
    expect((await patchJson(`${base}/orders/amend-me`, { qty: 1.5 })).status).toBe(400);
    expect((await fetch(`${base}/orders/amend-me`, { method: 'DELETE' })).status).toBe(202);
    await eventually(async () => ((await positions('sc-buyer')).cash.reserved === 0 ? true : undefined));
    expect((await patchJson(`${base}/orders/amend-me`, { qty: 10 })).status).toBe(404);
  });

  it('settles a reported block trade like a trade, and refuses one below the block minimum', async () => {
    const small = await postJson(`${base}/block-trades`, {
      instrument: INSTRUMENT,
      buyer: 'sc-buyer',
      seller: 'sc-seller',
      price: 3500,
      qty: 1000,
    });
    expect(small).toMatchObject({
      status: 422,
      body: { code: 'EXCHANGE.BELOW_BLOCK_MIN_QTY', field: 'qty' },
    });
    const short = await postJson(`${base}/block-trades`, {
      instrument: INSTRUMENT,
      buyer: 'sc-seller',
      seller: 'sc-buyer',
      price: 3500,
      qty: 100_000,
    });
    expect(short).toMatchObject({ status: 422, body: { field: 'buyer' } });
    const before = await positions('sc-buyer');
    const block = await postJson(`${base}/block-trades`, {
      instrument: INSTRUMENT,
      buyer: 'sc-buyer',
      seller: 'sc-seller',
      price: 3000,
      qty: 100_000,
      clientTradeId: 'blk-1',
    });
    expect(block.status).toBe(202);
    const buyer = await eventually(async () => {
      const p = await positions('sc-buyer');
      return holding(p)!.available === 101_000 ? p : undefined;
    });
    // 300,000,000 fen notional + 300,000 fee.
    expect(buyer.cash.available).toBe(before.cash.available - 300_300_000);
    expect(holding(await positions('sc-seller'))!.available).toBe(199_000);
  });

  it('takes a batch in one request and answers each order: received, or refused with its reason', async () => {
    const order = (o: Record<string, unknown>) => ({ instrument: INSTRUMENT, price: 4100, qty: 10, ...o });
    const r = await postJson(`${base}/orders/batch`, {
      orders: [
        order({ account: 'sc-seller', side: 'sell' }),
        order({ account: 'sc-seller', side: 'sell', instrument: 'NOPE-1' }),
        order({ account: 'sc-seller', side: 'sell', qty: 100_000 }),
        order({ account: 'sc-seller', side: 'buy', price: 4400, qty: 99_999 }),
        order({ account: 'sc-buyer', side: 'buy', clientOrderId: 'batch-b' }),
        order({ account: 'sc-buyer', side: 'buy', clientOrderId: 'batch-b' }),
      ],
    });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ received: 2, refused: 4 });
    const results = r.body.results as {
      status: string;
      error?: { code: string; field?: string; status: number };
    }[];
    expect(results.map((x) => x.status)).toEqual([
      'received',
      'refused',
      'refused',
      'refused',
      'received',
      'refused',
    ]);
    expect(results[1].error).toMatchObject({
      code: 'EXCHANGE.UNKNOWN_INSTRUMENT',
      field: 'instrument',
      status: 404,
    });
    expect(results[2].error).toMatchObject({ code: 'EXCHANGE.QTY_ABOVE_MAXIMUM', field: 'qty' });
    expect(results[3].error).toMatchObject({ code: 'CLEARING.INSUFFICIENT_CASH', field: 'qty', status: 422 });
    expect(results[5].error).toMatchObject({ code: 'EXCHANGE.DUPLICATE_CLIENT_ORDER_ID' });
    await eventually(async () =>
      (await getJson<{ status: string }>(`${base}/orders/batch-b`)).status === 'filled' ? true : undefined,
    );
    expect(holding(await positions('sc-seller'))!.reserved).toBe(0);
    const malformed = await postJson(`${base}/orders/batch`, {
      orders: [order({ account: 'x', side: 'buy', qty: -1 })],
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.message)).toMatch(/orders\.0\.qty/);
  });

  it('gives each member a daily statement and closes the day at the VWAP of the listing trades', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const statement = await getJson<{
      opening: { cash: { available: number } };
      trades: { side: string; price: number; qty: number; fee: number; block: boolean }[];
      fees: number;
      closing: { cash: { available: number; reserved: number } };
    }>(`${base}/members/sc-seller/statements?date=${today}`);
    expect(statement.opening.cash.available).toBe(0);
    expect(statement.trades).toEqual([
      expect.objectContaining({ side: 'sell', price: 3600, qty: 1000, fee: 3600, block: false }),
      expect.objectContaining({ side: 'sell', price: 3000, qty: 100_000, fee: 300_000, block: true }),
      expect.objectContaining({ side: 'sell', price: 4100, qty: 10, fee: 41, block: false }),
    ]);
    expect(statement.fees).toBe(303_641);
    expect(statement.closing.cash).toEqual((await positions('sc-seller')).cash);
    expect((await fetch(`${base}/members/sc-seller/statements?date=24-11-2026`)).status).toBe(400);
    // The large-holder list refuses a bad threshold or instrument, naming the field.
    const badThreshold = await fetch(`${base}/surveillance/large-holders?threshold=0`);
    expect(badThreshold.status).toBe(400);
    expect(((await badThreshold.json()) as { field?: string }).field).toBe('threshold');
    const unknown = await fetch(`${base}/surveillance/large-holders?instrument=NOPE`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { field?: string }).field).toBe('instrument');

    const closed = await postJson(`${base}/end-of-day`, { date: today });
    expect(closed.status).toBe(200);
    const prices = closed.body as unknown as { instrument: string; price: number; volume: number }[];
    // (3600 × 1000 + 4100 × 10) / 1010 = 3604.95 → 3605; the block trade does not count.
    expect(prices.find((p) => p.instrument === INSTRUMENT)).toMatchObject({ price: 3605, volume: 1010 });
    expect(prices.find((p) => p.instrument === 'CQEA-2025')).toMatchObject({ price: 3600, volume: 0 });
    expect(await getJson(`${base}/closing-prices?date=${today}`)).toEqual(prices);
  });

  it('documents every clearing route in the OpenAPI document', async () => {
    const openapi = (await (await fetch(`${base}/docs/json`)).json()) as { paths: Record<string, object> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/members',
        '/members/{memberId}/cash-deposits',
        '/members/{memberId}/cash-withdrawals',
        '/members/{memberId}/unit-deposits',
        '/members/{memberId}/positions',
        '/members/{memberId}/statements',
        '/orders/batch',
        '/block-trades',
        '/end-of-day',
        '/closing-prices',
      ]),
    );
    expect(Object.keys(openapi.paths['/orders/{orderId}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
  });
});
