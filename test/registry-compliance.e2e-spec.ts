import { parseAppConfig, RunningService, startService } from '@app/platform';
import { registryService } from '../apps/registry/src/registry.app';
import { getJson, postJson } from './support/http';

describe('registry regulator flow over HTTP, embedded (PGlite): allocate, auction, report, verify, surrender, comply', () => {
  let service: RunningService;
  let url: string;
  const regulator = 'regulator:cq-eco';
  const post = (path: string, body: Record<string, unknown>) =>
    postJson(`${url}/registries/CQ${path}`, { actor: regulator, ...body });

  beforeAll(async () => {
    service = await startService(registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent' })));
    url = service.url;
    for (const id of ['steel', 'cement'])
      await post('/accounts', { commandId: `open-${id}`, accountId: id, accountType: 'ENTERPRISE_HOLDING' });
    // Cap 10,000: 20 % (2,000) to auction; steel and cement get 5,000 and 3,000 free.
    const allocation = await post('/allocations', {
      commandId: 'alloc-2025',
      vintage: 2025,
      rules: {
        cap: 10_000,
        auctionShareBp: 2000,
        newEntrantReserveBp: 0,
        governmentReserveBp: 0,
        entitlementRounding: 'floor',
        scaling: 'floor',
      },
      firms: [
        { firmId: 'steel', method: 'fixed', quantity: 5000 },
        { firmId: 'cement', method: 'fixed', quantity: 3000 },
      ],
    });
    expect(allocation.status).toBe(201);
  });
  afterAll(() => service?.close());

  const auction = (commandId: string) => ({
    commandId,
    vintage: 2025,
    rules: {
      supply: 2000,
      lotSize: 1000,
      reservePriceFen: 3000,
      tieBreak: { kind: 'seeded-random', seed: 1 },
      undersubscribed: 'clear-at-reserve',
    },
    bids: [
      { bidId: 'b1', bidderId: 'steel', priceFen: 3800, quantity: 1000 },
      { bidId: 'b2', bidderId: 'cement', priceFen: 3600, quantity: 2000 },
    ],
  });

  it('clears an auction from the auction pool and refuses to clear it twice', async () => {
    const cleared = await post('/auctions/CQ-2025-A1/clear', auction('clear-a1'));
    expect(cleared).toMatchObject({
      status: 200,
      body: {
        result: { status: 'cleared', clearingPriceFen: 3600, sold: 2000 },
        awards: [
          { bidderId: 'cement', quantity: 1000 },
          { bidderId: 'steel', quantity: 1000 },
        ],
      },
    });
    expect((await getJson<{ total: number }>(`${url}/registries/CQ/accounts/steel`)).total).toBe(6000);
    const twice = await post('/auctions/CQ-2025-A1/clear', auction('clear-a1-again'));
    expect(twice).toMatchObject({ status: 409, body: { code: 'REGISTRY.DUPLICATE_AUCTION' } });
    const bad = await post('/auctions/CQ-2025-A2/clear', {
      ...auction('x'),
      rules: { ...auction('x').rules, tieBreak: { kind: 'coin' } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/rules\.tieBreak\.(kind|seed)/);
  });

  it('runs compliance from verified emissions and surrendered units, and shows it on the dashboard', async () => {
    expect(
      (
        await post('/emission-reports', {
          commandId: 'rep-steel',
          firmId: 'steel',
          complianceYear: 2025,
          emissions: 6500,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post('/emission-reports', {
          commandId: 'rep-cement',
          firmId: 'cement',
          complianceYear: 2025,
          emissions: 3500,
        })
      ).status,
    ).toBe(201);
    const verifier = 'verifier:cq-v1';
    for (const [firmId, verifiedEmissions] of [
      ['steel', 6000],
      ['cement', 4500],
    ] as const)
      expect(
        (
          await postJson(`${url}/registries/CQ/verifications`, {
            actor: verifier,
            commandId: `ver-${firmId}`,
            firmId,
            complianceYear: 2025,
            verifiedEmissions,
          })
        ).status,
      ).toBe(201);
    for (const [firmId, quantity] of [
      ['steel', 6000],
      ['cement', 4000],
    ] as const)
      expect(
        (
          await post('/surrenders', {
            commandId: `sur-${firmId}`,
            from: firmId,
            quantity,
            kind: 'CARBON_ALLOWANCE',
            complianceYear: 2025,
          })
        ).status,
      ).toBe(201);
    const runResult = await post('/compliance-runs', {
      commandId: 'run-2025',
      complianceYear: 2025,
      avgPriceLastMonthFen: 5000,
    });
    expect(runResult).toMatchObject({
      status: 201,
      body: {
        records: [
          {
            type: 'ComplianceRunCompleted',
            summary: { firms: 2, compliant: 1, inShortfall: 1, shortfall: 500, finesFen: 12_500_000 },
          },
        ],
      },
    });
    const dashboard = await getJson<{
      years: {
        complianceYear: number;
        firms: { firmId: string; surrendered: number; verifier?: string }[];
        lastRun?: unknown;
      }[];
    }>(`${url}/registries/CQ/compliance?year=2025`);
    expect(dashboard.years).toEqual([
      expect.objectContaining({
        complianceYear: 2025,
        firms: [
          expect.objectContaining({ firmId: 'cement', surrendered: 4000, verifier }),
          expect.objectContaining({ firmId: 'steel', surrendered: 6000, verifier }),
        ],
        lastRun: expect.objectContaining({ commandId: 'run-2025' }),
      }),
    ]);
    const supply = await getJson<{ rows: { surrendered: number; conserved: boolean }[] }>(
      `${url}/registries/CQ/supply`,
    );
    expect(supply.rows).toEqual([expect.objectContaining({ surrendered: 10_000, conserved: true })]);
  });

  it('answers a verification without a report with 404 and a compliance run lacking a price with 422', async () => {
    const unreported = await postJson(`${url}/registries/CQ/verifications`, {
      actor: 'verifier:x',
      commandId: 'ver-x',
      firmId: 'glass',
      complianceYear: 2025,
      verifiedEmissions: 1,
    });
    expect(unreported).toMatchObject({
      status: 404,
      body: { code: 'REGISTRY.UNKNOWN_REPORT', field: 'firmId' },
    });
    const noPrice = await post('/compliance-runs', { commandId: 'run-2025-np', complianceYear: 2025 });
    expect(noPrice).toMatchObject({ status: 422, body: { code: 'COMPLIANCE.MISSING_PRICE' } });
    expect((await fetch(`${url}/registries/CQ/compliance?year=abc`)).status).toBe(400);
  });

  it('documents the regulator endpoints in OpenAPI', async () => {
    const openapi = (await (await fetch(`${url}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/registries/{jurisdiction}/allocation-previews',
        '/registries/{jurisdiction}/allocations',
        '/registries/{jurisdiction}/auctions/{id}/clear',
        '/registries/{jurisdiction}/emission-reports',
        '/registries/{jurisdiction}/verifications',
        '/registries/{jurisdiction}/compliance-runs',
        '/registries/{jurisdiction}/compliance',
      ]),
    );
  });
});
