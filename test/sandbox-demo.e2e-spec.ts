import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { seedDemoJointMarket } from '../apps/sandbox/src/demo/demo-joint-market';
import { seedingPrincipal } from '../apps/sandbox/src/demo/demo-principals';
import { httpPost } from '../apps/sandbox/src/demo/demo-seeder';
import { bearerFor } from './support/auth';
import { eventually, getJson } from './support/http';

type Json = Record<string, unknown>;

/** `npm start` with its default `DEMO=trading`: demo users seeded, noise traders keep the market alive. */
describe('sandbox demo data and live demo trading (embedded)', () => {
  let service: RunningService;

  beforeAll(async () => {
    const definition = sandboxService(
      parseAppConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO: 'trading',
        RUNS_DIR: mkdtempSync(join(tmpdir(), 'runs-')),
      }),
    );
    service = await startService(definition);
    await definition.afterStart!(service);
  }, 60000);
  afterAll(() => service?.close());

  it('reports the demo seeded and trading', async () => {
    expect(await getJson(`${service.url}/demo/status`)).toEqual({ seeded: true, trading: true, runs: true });
  });

  it('lists demo users of every role for the sign-in picker', async () => {
    const users = await getJson<{ id: string; role: string; jurisdiction?: string }[]>(
      `${service.url}/demo/users`,
    );
    const roles = new Set(users.map((u) => u.role));
    expect(roles).toEqual(new Set(['enterprise', 'regulator', 'verifier', 'researcher']));
    const enterprises = users.filter((u) => u.role === 'enterprise');
    expect(enterprises.length).toBeGreaterThanOrEqual(24);
    expect(new Set(enterprises.map((u) => u.jurisdiction))).toEqual(new Set(['CQ', 'SC']));
  });

  it("opens each demo enterprise's holding account in its province's registry", async () => {
    const account = await getJson<{ accountType: string; jurisdiction: string }>(
      `${service.url}/registries/SC/accounts/sc-cement-001`,
    );
    expect(account).toMatchObject({ accountType: 'ENTERPRISE_HOLDING', jurisdiction: 'SC' });
  });

  it('makes each demo enterprise an exchange member with cash and units to trade', async () => {
    const positions = await getJson<{ cash: { available: number; reserved: number } }>(
      `${service.url}/members/sc-cement-001/positions`,
    );
    expect(positions.cash.available + positions.cash.reserved).toBeGreaterThan(0);
  });

  it('noise traders trade through the public API until trades appear', async () => {
    const trades = await eventually(
      async () => {
        const list = await getJson<{ buyer: string; seller: string }[]>(`${service.url}/trades?limit=5`);
        return list.length > 0 ? list : undefined;
      },
      30000,
      'demo trades',
    );
    expect(trades[0].buyer).toMatch(/^(cq|sc)-[a-z]+-\d{3}$/);
  });

  it('Chongqing firms sell CQEA-2025 to each other within the free-allocation sell limit', async () => {
    const trades = await eventually(
      async () => {
        const list = await getJson<{ seller: string }[]>(`${service.url}/trades?instrument=CQEA-2025`);
        return list.length > 0 ? list : undefined;
      },
      60000,
      'a CQEA-2025 trade',
    );
    expect(trades[0].seller).toMatch(/^cq-[a-z]+-\d{3}$/);
  }, 70000);

  it('seeds the joint market: agreement, recognition-only mode and pricing standard by two keys, one version awaiting a key', async () => {
    const get = <T>(path: string) => getJson<T>(`${service.url}${path}`);
    expect(await get<Json[]>('/recognition/agreements')).toMatchObject([
      { version: '2026.1', status: 'adopted', awaiting: [] },
    ]);
    expect(await get<Json>('/market-mode')).toMatchObject({
      mode: 'recognition-only',
      version: 'demo-recognition-only',
    });
    const standards = await get<Json[]>('/pricing-standards');
    expect(standards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: '2026.1', status: 'adopted', inForce: true }),
        expect.objectContaining({ version: '2026.2', status: 'approved-by-one', awaiting: ['CQ'] }),
      ]),
    );
  });

  it('seeds carbon-inclusion credits from activity records in both provinces', async () => {
    const get = <T>(path: string) => getJson<T>(`${service.url}${path}`);
    expect(
      await get<Json>('/registries/CQ/carbon-inclusion/issuances/demo-cq-household-001-solar'),
    ).toMatchObject({
      holderAccountId: 'cq-household-001',
      credits: 10,
    });
    expect(
      await get<Json>('/registries/SC/carbon-inclusion/issuances/demo-sc-paper-001-trees'),
    ).toMatchObject({
      holderAccountId: 'sc-paper-001',
      credits: 36,
    });
  });

  it('completes two recognitions of Sichuan 碳惠天府 in Chongqing and leaves an SO2 transfer with the buyer’s regulator', async () => {
    for (const [requestId, holder, quantity] of [
      ['demo-rec-sc-cq-1', 'cq-steel-001', 9],
      ['demo-rec-sc-cq-2', 'cq-power-001', 5],
    ] as const) {
      const done = await eventually(
        async () => {
          const r = await getJson<Json>(`${service.url}/recognition/requests/${requestId}`);
          return r.status === 'completed' ? r : undefined;
        },
        20_000,
        `recognition ${requestId}`,
      );
      expect(done).toMatchObject({
        kind: 'TANHUI_TIANFU',
        origin: 'SC',
        destination: 'CQ',
        destinationSerials: { registry: 'CQ', accountId: holder, quantity },
      });
    }
    expect(
      await getJson<Json[]>(`${service.url}/recognition/requests?registry=CQ&status=completed`),
    ).toHaveLength(2);
    const transfer = await getJson<Json>(`${service.url}/cross-province-transfers/demo-xp-so2-1`);
    expect(transfer).toMatchObject({
      status: 'pending',
      outflow: { regulator: 'regulator-cq', decision: 'approved' },
    });
    expect(transfer.inflow).toBeUndefined();

    // Seeding again on the same data (a restart) is accepted and changes nothing.
    // As the sandbox's own seeding signs (seedingPrincipal): the records name the same signers.
    await seedDemoJointMarket(
      httpPost(service.url, (body) => bearerFor(seedingPrincipal(body), service)),
      Date.now(),
    );
    expect(await getJson<Json[]>(`${service.url}/recognition/requests?registry=CQ&status=all`)).toHaveLength(
      2,
    );
    expect(await getJson<Json[]>(`${service.url}/pricing-standards`)).toHaveLength(2);
  });

  it('writes the demo simulator runs and serves them to the research screen', async () => {
    const runs = await getJson<{ id: string; name: string }[]>(`${service.url}/research/runs`);
    expect(runs.map((r) => r.id).sort()).toEqual(['demo-linked', 'demo-separate']);
    const report = await fetch(`${service.url}/research/runs/demo-linked/report`);
    expect(report.headers.get('content-type')).toMatch(/text\/html/);
    expect(await report.text()).toMatch(/<html/i);
    expect((await fetch(`${service.url}/research/runs/nope/report`)).status).toBe(404);
  });
});
