import { randomBytes } from 'node:crypto';
import { exchangeQueueFor, type PlaceOrderMessage } from '@app/contracts';
import type { Principal } from '@app/domain';
import { BullMqTransport, queueSigningKey } from '@app/messaging';
import { createTestDatabase, TestDatabase, testRedisUrl } from '@app/platform/testing';
import { eventually, getJson, postJson } from './support/http';
import { fundMember } from './support/members';
import { ServiceProcesses } from './support/service-processes';

const INSTRUMENT = 'CQEA-2025';
const VICTIM = 'cq-victim-001';
const MALLORY = 'cq-mallory-001';
const victim: Principal = {
  role: 'enterprise',
  id: VICTIM,
  memberId: VICTIM,
  accountIds: [VICTIM],
  province: 'CQ',
};
const mallory: Principal = {
  role: 'enterprise',
  id: MALLORY,
  memberId: MALLORY,
  accountIds: [MALLORY],
  province: 'CQ',
};

interface Positions {
  cash: { available: number; reserved: number };
}

/**
 * Commands put straight on a shard queue (BullMQ, bypassing the gateway and its checks). Without
 * the deployment's key (derived from QUEUE_SECRET, set apart from JWT_SECRET here) a message is not handled at all, even in the
 * member's own name. With it (a compromised service), a command in another member's name is still
 * checked by the matching worker against the principal it carries and refused (`ACCESS.FORBIDDEN`)
 * before any book sees it. Nothing is reserved, released or traded, and the queue goes on.
 */
describe('a forged command on a shard queue is refused by the matching worker', () => {
  let db: TestDatabase;
  const processes = new ServiceProcesses();
  let gateway = '';
  /** Holds the deployment's key, as a service does. */
  let transport: BullMqTransport;
  /** Has Redis, not the key. */
  let unsigned: BullMqTransport;
  /** Has the token secret (JWT_SECRET), not the queue secret the deployment set apart. */
  let tokenKeyed: BullMqTransport;
  const queueSecret = randomBytes(36).toString('base64url');
  let queue = '';

  const order = (orderId: string, side: 'buy' | 'sell'): PlaceOrderMessage => ({
    commandId: `place:${orderId}`,
    orderId,
    instrument: INSTRUMENT,
    account: VICTIM,
    side,
    type: 'limit',
    price: 3600,
    qty: 100,
    tif: 'GTC',
    postOnly: false,
    receivedAt: Date.now(),
  });

  /** A buy of 100 through the gateway, once it rests in the book (so the queue got past what came before). */
  const restingBuy = async (account: string, price: number, clientOrderId: string): Promise<void> => {
    const placed = await postJson(`${gateway}/orders`, {
      instrument: INSTRUMENT,
      account,
      side: 'buy',
      price,
      qty: 100,
      clientOrderId,
    });
    expect(placed.status).toBe(202);
    await eventually(
      async () =>
        (await getJson<{ status: string }>(`${gateway}/orders/${clientOrderId}`)).status === 'open'
          ? true
          : undefined,
      20_000,
      `${clientOrderId} to rest`,
    );
  };

  const rejections = async (): Promise<{ type: string; id: string; reason: string }[]> =>
    db.dataSource.query(
      `SELECT type, coalesce(data->>'orderId', data->>'tradeId') AS id, data->>'reason' AS reason
         FROM events WHERE type IN ('OrderRejected', 'AmendRejected', 'BlockTradeRejected')
        ORDER BY global_position`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
      EXCHANGE_SHARDS: '4',
      QUEUE_SECRET: queueSecret,
    };
    [gateway] = (await Promise.all([processes.start('gateway', env), processes.start('exchange', env)])).map(
      (s) => s.url,
    );
    transport = new BullMqTransport({
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      signingKey: queueSigningKey(queueSecret),
    });
    unsigned = new BullMqTransport({ redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX });
    tokenKeyed = new BullMqTransport({
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      signingKey: queueSigningKey(process.env.JWT_SECRET!),
    });
    queue = exchangeQueueFor(INSTRUMENT, 4);
  }, 90_000);

  afterAll(async () => {
    await transport?.close();
    await unsigned?.close();
    await tokenKeyed?.close();
    await processes.stopAll();
    await db?.drop();
  });

  it('signed with the key: refuses orders, a cancel, an amendment and a block trade for another member; the queue goes on', async () => {
    await fundMember(gateway, VICTIM, { cash: 10_000_000, jurisdiction: 'CQ' });
    await fundMember(gateway, MALLORY, { cash: 10_000_000, jurisdiction: 'CQ' });
    await restingBuy(VICTIM, 3500, 'victim-bid');
    const before = await getJson<Positions>(`${gateway}/members/${VICTIM}/positions`);

    const forged = [
      // Mallory's principal on the victim's orders, alone and grouped, and one with no principal at all.
      { id: 'forged:1', name: 'PlaceOrder', payload: { ...order('forged-1', 'buy'), by: mallory } },
      { id: 'forged:2', name: 'PlaceOrder', payload: order('forged-2', 'buy') },
      {
        id: 'forged:3',
        name: 'PlaceOrders',
        payload: {
          orders: [order('forged-3', 'sell'), order('forged-4', 'buy')],
          principals: [mallory],
          by: [0, 0],
        },
      },
      // A service actor does not place orders.
      {
        id: 'forged:5',
        name: 'PlaceOrder',
        payload: { ...order('forged-5', 'sell'), by: { role: 'service', id: 'exchange.sessions' } },
      },
      {
        id: 'forged:cancel',
        name: 'CancelOrder',
        payload: {
          commandId: 'cancel:victim-bid',
          orderId: 'victim-bid',
          instrument: INSTRUMENT,
          receivedAt: Date.now(),
          by: mallory,
        },
      },
      {
        id: 'forged:amend',
        name: 'AmendOrder',
        payload: {
          commandId: 'amend:victim-bid:forged',
          orderId: 'victim-bid',
          instrument: INSTRUMENT,
          price: 3600,
          openQtySeen: 100,
          receivedAt: Date.now(),
          by: mallory,
        },
      },
      {
        id: 'forged:block',
        name: 'ReportBlockTrade',
        payload: {
          commandId: 'report:block:forged',
          tradeId: 'block:forged',
          instrument: INSTRUMENT,
          buyer: VICTIM,
          seller: 'cq-someone-else',
          buyOrderId: 'block:forged:buy',
          sellOrderId: 'block:forged:sell',
          price: 3600,
          qty: 10_000,
          receivedAt: Date.now(),
          by: mallory,
        },
      },
    ];
    await transport.publishBatch(queue, forged);

    // Mallory's own order, through the gateway after them: the queue was not blocked.
    await restingBuy(MALLORY, 3400, 'mallory-own');

    const reason = 'ACCESS.FORBIDDEN';
    expect(await rejections()).toEqual([
      { type: 'OrderRejected', id: 'forged-1', reason },
      { type: 'OrderRejected', id: 'forged-2', reason },
      { type: 'OrderRejected', id: 'forged-3', reason },
      { type: 'OrderRejected', id: 'forged-4', reason },
      { type: 'OrderRejected', id: 'forged-5', reason },
      { type: 'OrderRejected', id: 'victim-bid', reason },
      { type: 'AmendRejected', id: 'victim-bid', reason },
      { type: 'BlockTradeRejected', id: 'block:forged', reason },
    ]);
    const [detail] = await db.dataSource.query(
      `SELECT data->>'detail' AS detail FROM events WHERE type = 'OrderRejected' AND data->>'orderId' = 'forged-1'`,
    );
    expect(detail).toEqual({ detail: `order.trade: ${VICTIM} is not yours` });

    // Nothing accepted, traded, reserved or released: the victim's bid rests as it was.
    const happened: { type: string; count: number }[] = await db.dataSource.query(
      `SELECT type, count(*)::int AS count FROM events
        WHERE type IN ('TradeExecuted', 'BlockTradeExecuted', 'OrderCancelled', 'OrderAmended')
           OR (type = 'OrderAccepted' AND data->'order'->>'orderId' LIKE 'forged%')
        GROUP BY type`,
    );
    expect(happened).toEqual([]);
    expect(await getJson(`${gateway}/orders/victim-bid`)).toMatchObject({
      status: 'open',
      price: 3500,
      remaining: 100,
    });
    expect(await getJson<Positions>(`${gateway}/members/${VICTIM}/positions`)).toEqual(before);
    expect(await getJson(`${gateway}/trades?instrument=${INSTRUMENT}`)).toEqual([]);
    const [reservations] = await db.dataSource.query(
      `SELECT count(*)::int AS count FROM clearing_orders WHERE order_id LIKE 'forged%' OR order_id LIKE 'block:forged%'`,
    );
    expect(reservations).toEqual({ count: 0 });
  });

  it('without the key (none, or one derived from the token secret): handles no command at all, not even in the member’s own name; the queue goes on', async () => {
    const rejectedBefore = await rejections();
    const before = await getJson<Positions>(`${gateway}/members/${VICTIM}/positions`);
    await unsigned.publishBatch(queue, [
      { id: 'unsigned:1', name: 'PlaceOrder', payload: { ...order('unsigned-1', 'sell'), by: victim } },
      {
        id: 'unsigned:cancel',
        name: 'CancelOrder',
        payload: {
          commandId: 'cancel:victim-bid:unsigned',
          orderId: 'victim-bid',
          instrument: INSTRUMENT,
          receivedAt: Date.now(),
          by: victim,
        },
      },
    ]);
    // QUEUE_SECRET is set: the token secret signs no message.
    await tokenKeyed.publish(queue, {
      id: 'token-keyed:1',
      name: 'PlaceOrder',
      payload: { ...order('unsigned-2', 'sell'), by: victim },
    });
    await restingBuy(MALLORY, 3300, 'mallory-after-unsigned');
    const recorded: { count: number }[] = await db.dataSource.query(
      `SELECT count(*)::int AS count FROM events
        WHERE metadata->>'commandId' IN ('place:unsigned-1', 'place:unsigned-2', 'cancel:victim-bid:unsigned')
           OR data->>'orderId' IN ('unsigned-1', 'unsigned-2')
           OR data->'order'->>'orderId' IN ('unsigned-1', 'unsigned-2')
           OR type = 'OrderCancelled'`,
    );
    expect(recorded).toEqual([{ count: 0 }]);
    expect(await rejections()).toEqual(rejectedBefore);
    expect(await getJson(`${gateway}/orders/victim-bid`)).toMatchObject({ status: 'open', remaining: 100 });
    expect(await getJson<Positions>(`${gateway}/members/${VICTIM}/positions`)).toEqual(before);
  });
});
