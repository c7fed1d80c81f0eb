import { parseAppConfig, RunningService, startService } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { registryService } from '../apps/registry/src/registry.app';
import { getJson, postJson } from './support/http';

jest.setTimeout(120_000);

interface Range {
  start: number;
  end: number;
}

// Two registry processes on one PostgreSQL database, each with its own state cache: the
// stream version in the database is all that keeps them from selling the same serials twice.
describe('registry over HTTP: concurrent partial transfers from two service instances on real PostgreSQL', () => {
  let db: TestDatabase;
  let services: RunningService[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = () => parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: db.url });
    services = [await startService(registryService(config())), await startService(registryService(config()))];
    const [a] = services;
    const post = (path: string, body: Record<string, unknown>) =>
      postJson(`${a.url}${path}`, { actor: 'setup', ...body });
    for (let i = 0; i < 4; i++)
      await post('/registries/SC/accounts', {
        commandId: `open-${i}`,
        accountId: `buyer-${i}`,
        accountType: 'ENTERPRISE_HOLDING',
      });
    expect(
      (
        await post('/registries/SC/issuances', {
          commandId: 'issue',
          kind: 'CARBON_ALLOWANCE',
          vintage: 2025,
          quantity: 500,
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    for (const s of services) await s.close();
    await db?.drop();
  });

  it('conserves units and never overlaps ranges: 40 transfers of 15 from 500 units, 33 succeed', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postJson(`${services[i % 2].url}/registries/SC/transfers`, {
          actor: `trader-${i}`,
          commandId: `t-${i}`,
          from: 'SC-GOVERNMENT',
          to: `buyer-${i % 4}`,
          quantity: 15,
          kind: 'CARBON_ALLOWANCE',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(33);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 422)).toBe(true);
    const ranges = responses
      .filter((r) => r.status === 201)
      .flatMap((r) => r.body.ranges as Range[])
      .sort((x, y) => x.start - y.start);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].start).toBeGreaterThan(ranges[i - 1].end);

    for (const s of services) {
      const supply = await getJson<{ rows: { issued: number; held: number; conserved: boolean }[] }>(
        `${s.url}/registries/SC/supply`,
      );
      expect(supply.rows).toEqual([expect.objectContaining({ issued: 500, held: 500, conserved: true })]);
      let bought = 0;
      for (let i = 0; i < 4; i++)
        bought += (await getJson<{ total: number }>(`${s.url}/registries/SC/accounts/buyer-${i}`)).total;
      expect(bought).toBe(495);
      expect((await getJson<{ total: number }>(`${s.url}/registries/SC/accounts/SC-GOVERNMENT`)).total).toBe(
        5,
      );
    }
  });
});
