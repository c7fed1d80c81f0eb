import { parseAppConfig, RunningService, startService } from '@app/platform';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { eventually, getJson, postJson } from './support/http';
import { fundMember } from './support/members';
import { crossTwoOrders, expectedTrade } from './support/walking-skeleton';

describe('walking skeleton, embedded (no servers: PGlite and in-process queues)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(sandboxService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'error' })));
  });
  afterAll(() => service?.close());

  it('matches two crossing limit orders posted over HTTP and shows the trade', async () => {
    const trades = await crossTwoOrders(service.url);
    expect(trades).toEqual([expect.objectContaining(expectedTrade())]);
  });

  it('answers a malformed body with 400 naming the field', async () => {
    const response = await postJson(`${service.url}/orders`, {
      instrument: 'CQEA-2025',
      account: 'a1',
      side: 'buy',
      price: 36.5,
      qty: 10,
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.message)).toMatch(/price must be an integer/);
  });

  it('answers an unknown instrument with 404 naming the field, and non-JSON with 400', async () => {
    const unknown = await postJson(`${service.url}/orders`, {
      instrument: 'NOPE-1',
      account: 'a1',
      side: 'buy',
      price: 1,
      qty: 1,
    });
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: 'EXCHANGE.UNKNOWN_INSTRUMENT', field: 'instrument' },
    });
    const garbage = await postJson(`${service.url}/orders`, '{"instrument": ');
    expect(garbage.status).toBe(400);
  });

  it('treats clientOrderId as an idempotency key: same body, same answer; another body, 409', async () => {
    await fundMember(service.url, 'sc-cement-9', { cash: 1_000_000, jurisdiction: 'SC' });
    const order = {
      instrument: 'SCEA-2025',
      account: 'sc-cement-9',
      side: 'buy',
      price: 3900,
      qty: 10,
      clientOrderId: 'idem-1',
    };
    const first = await postJson(`${service.url}/orders`, order);
    const again = await postJson(`${service.url}/orders`, order);
    expect(first.status).toBe(202);
    expect(again).toEqual(first);
    const changed = await postJson(`${service.url}/orders`, { ...order, qty: 11 });
    expect(changed).toMatchObject({
      status: 409,
      body: { code: 'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT', field: 'clientOrderId' },
    });
  });

  it('refuses static instrument-rule violations at the edge, naming the field', async () => {
    const tooBig = await postJson(`${service.url}/orders`, {
      instrument: 'CQEA-2025',
      account: 'a1',
      side: 'buy',
      price: 3600,
      qty: 100000,
    });
    expect(tooBig).toMatchObject({ status: 422, body: { code: 'EXCHANGE.QTY_ABOVE_MAXIMUM', field: 'qty' } });
    const noPrice = await postJson(`${service.url}/orders`, {
      instrument: 'CQEA-2025',
      account: 'a1',
      side: 'buy',
      qty: 10,
    });
    expect(noPrice.status).toBe(400);
    expect(JSON.stringify(noPrice.body.message)).toMatch(/price/);
  });

  it('shows order status and book depth from the events, and cancels the rest of an order', async () => {
    const base = service.url;
    await fundMember(base, 's1', { units: { 'CQEA-2024': 500 } });
    await fundMember(base, 's2', { units: { 'CQEA-2024': 100 } });
    await fundMember(base, 'b1', { cash: 2_000_000 });
    await fundMember(base, 'b2', { cash: 2_000_000 });
    await postJson(`${base}/orders`, {
      instrument: 'CQEA-2024',
      account: 's1',
      side: 'sell',
      price: 3650,
      qty: 500,
      clientOrderId: 'depth-s1',
    });
    await postJson(`${base}/orders`, {
      instrument: 'CQEA-2024',
      account: 's2',
      side: 'sell',
      price: 3650,
      qty: 100,
      clientOrderId: 'depth-s2',
    });
    await postJson(`${base}/orders`, {
      instrument: 'CQEA-2024',
      account: 'b1',
      side: 'buy',
      price: 3600,
      qty: 300,
      clientOrderId: 'depth-b1',
    });
    await postJson(`${base}/orders`, {
      instrument: 'CQEA-2024',
      account: 'b2',
      side: 'buy',
      price: 3650,
      qty: 200,
      clientOrderId: 'depth-b2',
    });

    const partly = await eventually(async () => {
      const order = await getJson<{ status: string; remaining: number; filled: number }>(
        `${base}/orders/depth-s1`,
      );
      return order.status === 'partially-filled' ? order : undefined;
    });
    expect(partly).toMatchObject({ filled: 200, remaining: 300 });
    expect(await getJson(`${base}/book/CQEA-2024?levels=5`)).toEqual({
      instrument: 'CQEA-2024',
      bids: [{ price: 3600, qty: 300, orders: 1 }],
      asks: [{ price: 3650, qty: 400, orders: 2 }],
    });

    const cancel = await fetch(`${base}/orders/depth-s1`, { method: 'DELETE' });
    expect(cancel.status).toBe(202);
    const cancelled = await eventually(async () => {
      const order = await getJson<{ status: string; remaining: number; reason: string }>(
        `${base}/orders/depth-s1`,
      );
      return order.status === 'cancelled' ? order : undefined;
    });
    expect(cancelled).toMatchObject({ remaining: 0, reason: 'user' });
    expect(await getJson(`${base}/book/CQEA-2024`)).toMatchObject({
      asks: [{ price: 3650, qty: 100, orders: 1 }],
    });

    expect((await fetch(`${base}/orders/never-sent`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${base}/orders/never-sent`)).status).toBe(404);
  });

  it('serves /health and the OpenAPI document', async () => {
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    const openapi = (await (await fetch(`${service.url}/docs/json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/orders', '/trades', '/health']));
  });
});
