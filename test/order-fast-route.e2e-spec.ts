import { InstrumentCatalogue, parseAppConfig, RunningService, startService } from '@app/platform';
import { OrderFastRoute } from '../apps/gateway/src/orders/place-order/order-fast-route';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { bearerFor, testEnterprise } from './support/auth';
import { fundMember } from './support/members';

const INSTRUMENT = 'SCEA-2024';
const { referencePrice } = InstrumentCatalogue.load('seeds').get(INSTRUMENT)!;

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * `POST /orders` is served ahead of Express (OrderFastRoute) unless the request carries an
 * `Origin`: the same request sent both ways must get the same answer, whether it is taken, refused
 * by the guard, by validation, by the body parser or by pre-trade risk.
 */
describe('POST /orders ahead of Express answers as the route does', () => {
  let service: RunningService;
  /** Counts the answers the fast route gave itself (its `start`: headers and request log). */
  let answeredFast: jest.SpyInstance;
  const buyer = testEnterprise('sc-fast', 'SC');
  const poor = testEnterprise('sc-poor', 'SC');

  beforeAll(async () => {
    service = await startService(
      sandboxService(
        parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent', DEMO: 'off', BODY_LIMIT_BYTES: '4096' }),
      ),
    );
    await fundMember(service.url, 'sc-fast', { cash: 1_000_000_000, jurisdiction: 'SC' });
    await fundMember(service.url, 'sc-poor', { cash: 1_000, jurisdiction: 'SC' });
    answeredFast = jest.spyOn(OrderFastRoute.prototype as never, 'start');
  }, 60_000);
  afterAll(() => service?.close());

  const order = (clientOrderId: string, overrides: Record<string, unknown> = {}) => ({
    instrument: INSTRUMENT,
    account: 'sc-fast',
    side: 'buy',
    price: referencePrice,
    qty: 10,
    clientOrderId,
    ...overrides,
  });

  const send = async (
    body: unknown,
    options: { through: 'fast' | 'route'; headers?: Record<string, string> },
  ): Promise<Answer> => {
    const response = await fetch(`${service.url}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...bearerFor(buyer, service),
        ...(options.through === 'route' ? { origin: 'http://console.example' } : {}),
        ...options.headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };

  const fastAnswers = () => answeredFast.mock.calls.length;

  /** The same request both ways, and whether the fast route answered the first itself. */
  const bothWays = async (body: unknown, headers?: Record<string, string>) => {
    const before = fastAnswers();
    const fast = await send(body, { through: 'fast', headers });
    const answeredItself = fastAnswers() > before;
    const route = await send(body, { through: 'route', headers });
    return { fast, route, answeredItself };
  };

  it('takes a plainly valid order without the route, and answers it as the route does', async () => {
    const before = fastAnswers();
    const fast = await send(order('fast-1'), { through: 'fast' });
    expect(fastAnswers()).toBe(before + 1);
    const route = await send(order('route-1'), { through: 'route' });
    expect(fastAnswers()).toBe(before + 1);
    expect(fast).toMatchObject({
      status: 202,
      body: { orderId: 'fast-1', instrument: INSTRUMENT, status: 'received' },
    });
    expect(route.status).toBe(202);
    expect(Object.keys(fast.body as object).sort()).toEqual(Object.keys(route.body as object).sort());
    for (const header of [
      'content-type',
      'x-content-type-options',
      'x-frame-options',
      'strict-transport-security',
    ])
      expect(fast.headers.get(header)).toBe(route.headers.get(header));
  });

  it('answers each request a request id of its own, or the one it sent, either way', async () => {
    const ids = [
      (await send(order('id-1'), { through: 'fast' })).headers.get('x-request-id'),
      (await send(order('id-2'), { through: 'route' })).headers.get('x-request-id'),
      (await send(order('id-3'), { through: 'fast' })).headers.get('x-request-id'),
    ];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
    const sent = await bothWays(order('id-4'), { 'x-request-id': 'trace-42' });
    expect(sent.answeredItself).toBe(true);
    expect(sent.fast.headers.get('x-request-id')).toBe('trace-42');
    expect(sent.route.headers.get('x-request-id')).toBe('trace-42');
  });

  it('answers a resend with the first answer, and another body under the key with 409, either way', async () => {
    const first = await send(order('fast-2'), { through: 'fast' });
    const again = await bothWays(order('fast-2'));
    expect(again.fast).toMatchObject({ status: 202, body: first.body });
    expect(again.route).toMatchObject({ status: 202, body: first.body });
    const conflict = await bothWays(order('fast-2', { qty: 11 }));
    expect(conflict.fast.status).toBe(409);
    expect(conflict.fast.body).toEqual(conflict.route.body);
    expect(conflict.fast.body).toMatchObject({
      code: 'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT',
      field: 'clientOrderId',
    });
  });

  it('refuses an order pre-trade risk cannot cover the same way, reserving nothing', async () => {
    const headers = bearerFor(poor, service);
    const refused = await bothWays(order('poor-1', { account: 'sc-poor' }), headers);
    expect(refused.fast.status).toBe(422);
    expect(refused.fast.body).toEqual(refused.route.body);
    const positions = await fetch(`${service.url}/members/sc-poor/positions`, { headers });
    expect(((await positions.json()) as { cash: unknown }).cash).toEqual({ available: 1_000, reserved: 0 });
  });

  it.each([
    // Answered by the fast route itself:
    ['an unknown instrument (404)', order('x-1', { instrument: 'NOPE-2025' }), 404, true, undefined],
    ['malformed JSON (400)', '{"instrument":', 400, true, undefined],
    ['a body over the limit (413)', order('x-7', { clientOrderId: 'x'.repeat(5000) }), 413, true, undefined],
    // Handed to Express, the body already parsed:
    ['another member’s account (403)', order('x-2', { account: 'sc-poor' }), 403, false, undefined],
    ['an invalid token (401)', order('x-3'), 401, false, { authorization: 'Bearer not-a-token' }],
    ['an unknown field (400)', order('x-4', { extra: 1 }), 400, false, undefined],
    ['a quantity that is not a positive integer (400)', order('x-5', { qty: 0 }), 400, false, undefined],
    ['a reserved name as a value (400)', order('constructor'), 400, false, undefined],
  ])('answers %s exactly as the route does', async (_, body, status, itself, headers) => {
    const { fast, route, answeredItself } = await bothWays(body, headers);
    expect(fast.status).toBe(status);
    expect(fast.body).toEqual(route.body);
    expect(answeredItself).toBe(itself);
    expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
