import { TestDatabase } from '@app/platform/testing';
import { FeedClient } from './support/feed-client';
import { eventually, getJson, postJson } from './support/http';
import { ServiceProcesses, processEnvironment } from './support/service-processes';
import { fundMember } from './support/members';

/**
 * The feed of a gateway process hears about trades the exchange process appended (LISTEN/NOTIFY
 * on the real PostgreSQL), and the bars follow. Both built by `npm run build`.
 */
describe('market feed, gateway and exchange as separate services on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  const processes = new ServiceProcesses();
  let gatewayUrl = '';
  let registryUrl = '';
  let feed: FeedClient | undefined;

  const start = async (app: 'gateway' | 'exchange' | 'registry', env: Record<string, string>) =>
    (await processes.start(app, env)).url;

  beforeAll(async () => {
    const made = await processEnvironment('feed');
    db = made.db;
    const { env } = made;
    // The registry: the seller's CQCER enter through its custody.
    [gatewayUrl, , registryUrl] = await Promise.all([
      start('gateway', env),
      start('exchange', env),
      start('registry', env),
    ]);
  }, 60000);

  afterAll(async () => {
    feed?.close();
    await processes.stopAll();
    await db?.drop();
  });

  it('streams the trade and the depth change of orders matched by the exchange process', async () => {
    await fundMember(gatewayUrl, 'cq-feed-seller', {
      units: { CQCER: 1000 },
      jurisdiction: 'CQ',
      registryUrl,
    });
    await fundMember(gatewayUrl, 'cq-feed-buyer', { cash: 10_000_000, jurisdiction: 'CQ' });
    feed = new FeedClient(`${gatewayUrl.replace('http', 'ws')}/feed`);
    await feed.open;
    feed.send({ op: 'subscribe', instrument: 'CQCER' });
    const snapshot = await feed.next((m) => m.type === 'snapshot', 'the snapshot');
    expect(snapshot).toMatchObject({ seq: 0, bids: [], asks: [] });

    const sell = { instrument: 'CQCER', account: 'cq-feed-seller', side: 'sell', price: 3600, qty: 50 };
    expect((await postJson(`${gatewayUrl}/orders`, sell)).status).toBe(202);
    const resting = await feed.next((m) => m.type === 'depth', 'the resting ask');
    expect(resting).toMatchObject({ prevSeq: 0, seq: 1, asks: [[3600, 50, 1]] });

    const buy = { instrument: 'CQCER', account: 'cq-feed-buyer', side: 'buy', price: 3600, qty: 20 };
    expect((await postJson(`${gatewayUrl}/orders`, buy)).status).toBe(202);
    expect(await feed.next((m) => m.type === 'trade', 'the trade')).toMatchObject({
      price: 3600,
      qty: 20,
      tradeNo: 1,
    });
    expect(await feed.next((m) => m.type === 'depth' && m.seq !== 1, 'the depth change')).toMatchObject({
      prevSeq: 1,
      asks: [[3600, 30, 1]],
    });
    const bars = await eventually(async () => {
      const list = await getJson<{ volume: number }[]>(`${gatewayUrl}/bars/CQCER?interval=1d`);
      return list.length > 0 ? list : undefined;
    });
    expect(bars).toEqual([expect.objectContaining({ open: 3600, close: 3600, volume: 20, trades: 1 })]);
  });
});
