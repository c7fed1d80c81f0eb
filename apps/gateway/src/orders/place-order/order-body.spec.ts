import { BadRequestException } from '@nestjs/common';
import fc from 'fast-check';
import { EdgeValidationPipe } from '@app/platform';
import { plainlyValidBatch } from '../batch/plainly-valid-batch';
import { PlaceOrderBatchDto } from '../batch/place-order-batch.dto';
import { plainlyValidOrder } from './order-body';
import { PlaceOrderDto } from './place-order.dto';

const full = new EdgeValidationPipe();
/** What the full validator makes of a body: the DTO as a plain object, or its 400 messages. */
async function fully(raw: unknown, metatype: typeof PlaceOrderDto | typeof PlaceOrderBatchDto) {
  try {
    return {
      ok: JSON.parse(JSON.stringify(await full.transform(raw, { type: 'body', metatype }))) as unknown,
    };
  } catch (error) {
    if (error instanceof BadRequestException) return { refused: error.getResponse() };
    throw error;
  }
}

// Values near every rule's edge, of every JSON type, so both validators meet the awkward ones.
const anyValue = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  'x',
  true,
  false,
  0,
  -1,
  1,
  1.5,
  2 ** 53,
  2 ** 53 - 1,
  '100',
  [],
  {},
);
const field = <T>(good: T[]) => fc.oneof(fc.constantFrom<unknown>(...good), anyValue);
const order = fc.record(
  {
    instrument: field(['CQEA-2025', 'C', 'cqea-2025', 'A'.repeat(33), 'CQEA 2025']),
    account: field(['cq-steel-001', 'a', '-a', 'a'.repeat(65), 'a.b_c']),
    side: field(['buy', 'sell', 'BUY']),
    type: field(['limit', 'market', 'stop']),
    price: field([3600, 1, 3600.5, -3600]),
    qty: field([10, 1, 0, 99_999]),
    tif: field(['GTC', 'DAY', 'IOC', 'FOK', 'gtc']),
    postOnly: field([true, false, 'true']),
    clientOrderId: field(['c-1', 'a:b.c_d', 'a'.repeat(64), 'a'.repeat(65), 'a b', '']),
    extra: field(['x']),
  },
  { requiredKeys: [] },
);
const strip = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe('plainlyValidOrder (the quick check on the order entry hot path)', () => {
  it('accepts a plain order and fills in the DTO defaults', () => {
    expect(
      plainlyValidOrder({ instrument: 'CQEA-2025', account: 'a1', side: 'buy', price: 3600, qty: 10 }),
    ).toEqual({
      instrument: 'CQEA-2025',
      account: 'a1',
      side: 'buy',
      type: 'limit',
      price: 3600,
      qty: 10,
      tif: 'GTC',
      postOnly: false,
    });
  });

  it('leaves bad or unusual bodies to the full validator', () => {
    const good = { instrument: 'CQEA-2025', account: 'a1', side: 'buy', price: 3600, qty: 10 };
    expect(plainlyValidOrder({ ...good, qty: 1.5 })).toBeUndefined();
    expect(plainlyValidOrder({ ...good, price: undefined })).toBeUndefined();
    expect(plainlyValidOrder({ ...good, sneaky: 1 })).toBeUndefined();
    expect(plainlyValidOrder(JSON.parse('{"__proto__": {"x": 1}}'))).toBeUndefined();
    expect(plainlyValidOrder([good])).toBeUndefined();
  });

  it('never accepts what the DTO refuses, and accepts it as the same order', async () => {
    await fc.assert(
      fc.asyncProperty(order, async (generated) => {
        // As a JSON body: no undefined values.
        const raw = strip(generated);
        const quick = plainlyValidOrder(raw);
        const slow = await fully(raw, PlaceOrderDto);
        if (quick !== undefined)
          expect(slow).toEqual({ ok: strip(quick as unknown as Record<string, unknown>) });
        // The quick check is worth having only if it takes the ordinary orders (null it leaves alone).
        if ('ok' in slow && !Object.values(raw).includes(null)) expect(quick).toBeDefined();
      }),
      { numRuns: 3000, seed: 20261124 },
    );
  });
});

describe('plainlyValidBatch', () => {
  const good = { instrument: 'CQEA-2025', account: 'a1', side: 'sell', price: 3600, qty: 10 };

  it('takes a batch of plainly valid orders, and nothing else', async () => {
    expect(plainlyValidBatch({ orders: [good, good] })?.orders).toHaveLength(2);
    for (const bad of [
      { orders: [] },
      { orders: [good, { ...good, qty: -1 }] },
      { orders: good },
      { orders: [good], x: 1 },
    ])
      expect(plainlyValidBatch(bad)).toBeUndefined();
    expect(plainlyValidBatch({ orders: Array.from({ length: 1001 }, () => good) })).toBeUndefined();
    expect(await fully({ orders: [good, { ...good, qty: -1 }] }, PlaceOrderBatchDto)).toMatchObject({
      refused: { message: ['orders.1.qty must be a positive number'] },
    });
  });
});
