import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { eventually, getJson } from './support/http';

interface Line {
  instrument: string;
  registry: number;
  exchange: number;
  depositsInFlight: number;
  withdrawalsInFlight: number;
  difference: number;
}

/** The demo's allowance units on the exchange are the units its firms put into registry custody. */
describe('demo seeding through registry custody', () => {
  let service: RunningService;

  beforeAll(async () => {
    const definition = sandboxService(
      parseAppConfig({
        PORT: '0',
        LOG_LEVEL: 'error',
        DEMO: 'accounts',
        RUNS_DIR: mkdtempSync(join(tmpdir(), 'runs-')),
      }),
    );
    service = await startService(definition);
    await definition.afterStart!(service);
  }, 60000);
  afterAll(() => service?.close());

  it.each(['CQ', 'SC'])('%s: custody holds exactly what the members hold on the exchange', async (j) => {
    const line = await eventually(
      async () => {
        const lines = await getJson<Line[]>(`${service.url}/registries/${j}/custody-reconciliation`);
        const l = lines.find((x) => x.instrument === `${j}EA-2025`);
        return l && l.exchange > 0 && l.depositsInFlight === 0 ? l : undefined;
      },
      15000,
      `${j} custody credited`,
    );
    expect(line.difference).toBe(0);
    expect(line.registry).toBe(line.exchange);
    const custody = await getJson<{ total: number }>(`${service.url}/registries/${j}/accounts/${j}-EXCHANGE`);
    expect(custody.total).toBe(line.registry);
  });

  it('a large firm deposited 200,000 of its allocation; the rest stays in its registry account', async () => {
    const positions = await getJson<{ holdings: { instrument: string; available: number }[] }>(
      `${service.url}/members/cq-steel-002/positions`,
    );
    expect(positions.holdings.find((h) => h.instrument === 'CQEA-2025')?.available).toBe(200_000);
    const account = await getJson<{ total: number }>(`${service.url}/registries/CQ/accounts/cq-steel-002`);
    expect(account.total).toBeGreaterThan(0);
  });
});
