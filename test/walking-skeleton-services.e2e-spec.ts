import { TestDatabase } from '@app/platform/testing';
import { ServiceProcesses, processEnvironment } from './support/service-processes';
import { crossTwoOrders, expectedTrade } from './support/walking-skeleton';

/**
 * Gateway, exchange and registry as separate processes (built by `npm run build`) that share
 * nothing but the real PostgreSQL and Redis; the seller's units enter through the registry's custody.
 */
describe('walking skeleton, as separate services on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  const processes = new ServiceProcesses();
  let gatewayUrl = '';
  let registryUrl = '';

  const start = async (app: 'gateway' | 'exchange' | 'registry', env: Record<string, string>) =>
    (await processes.start(app, env)).url;

  beforeAll(async () => {
    const made = await processEnvironment('skeleton');
    db = made.db;
    const { env } = made;
    // Start both at once: the migration lock must let them share one fresh database.
    [gatewayUrl] = await Promise.all([start('gateway', env), start('exchange', env)]);
    registryUrl = await start('registry', env);
  }, 90_000);

  afterAll(async () => {
    await processes.stopAll();
    await db?.drop();
  });

  it('a trade crosses the queue from the gateway to the matching worker and back to GET /trades', async () => {
    const trades = await crossTwoOrders(gatewayUrl, 'SCEA-2025', registryUrl);
    expect(trades).toEqual([expect.objectContaining({ ...expectedTrade('SCEA-2025'), price: 3600 })]);
  });
});
