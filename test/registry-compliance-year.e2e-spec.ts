import { parseAppConfig, RunningService, startService } from '@app/platform';
import { registryService } from '../apps/registry/src/registry.app';
import { bearerFor, testEnterprise, testRegulator } from './support/auth';
import { getJson, postJson } from './support/http';

/**
 * One compliance year of the Chongqing registry through the API, as in the README walk-through:
 * rules → preview → allocation (70 % benchmark pre-allocation) → primary auction with bid
 * guarantees → reports → verification → true-up → surrender → compliance run with penalties.
 *
 * Cap 20,000: 20 % auctioned (4,000), 5 % government reserve (1,000), free pool 15,000.
 * power-a (coal > 300 MW) 10,000 MWh × 0.877 = 8,770 → 70 % = 6,139 pre-allocated;
 * power-b (gas) 10,000 MWh × 0.392 = 3,920 → 2,744. Auction: 4 lots, reserve 30.00 in 2024
 * escalated 2.5 % to 30.75, at most 2 lots per bidder; a bids 2,000 at 40.00, b 1,000 at 38.00
 * and 1,000 at 36.00 → sold out at 36.00. Verified output 11,000 / 9,000 MWh → final 9,647 /
 * 3,528 → true-up +3,508 / +784. a surrenders 10,800 = verified; b 4,000 of 4,500 → shortfall 500,
 * fined 5 × 50.00 × 500 = 125,000.00 CNY and 500 deducted from next year.
 */
describe('a compliance year through the registry API, embedded (PGlite)', () => {
  let service: RunningService;
  let url: string;
  const regulator = 'regulator:cq-eco';
  const post = (path: string, body: Record<string, unknown>, actor = regulator) =>
    postJson(`${url}/registries/CQ${path}`, { actor, ...body });

  beforeAll(async () => {
    service = await startService(registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent' })));
    url = service.url;
  });
  afterAll(() => service?.close());

  const firms = (outputA: number, outputB: number) => [
    { firmId: 'power-a', method: 'benchmark', lines: [{ output: outputA, benchmark: 877 }] },
    { firmId: 'power-b', method: 'benchmark', lines: [{ output: outputB, benchmark: 392 }] },
  ];

  it('takes the year from rules to penalties', async () => {
    for (const id of ['power-a', 'power-b'])
      expect(
        (
          await post('/accounts', {
            commandId: `open-${id}`,
            accountId: id,
            accountType: 'ENTERPRISE_HOLDING',
          })
        ).status,
      ).toBe(201);

    const rules = {
      cap: 20_000,
      auctionShareBp: 2000,
      newEntrantReserveBp: 0,
      governmentReserveBp: 500,
      preAllocationShareBp: 7000,
      entitlementRounding: 'half-up',
      scaling: 'largest-remainder',
    };
    const version = { ruleVersionId: 'CQ-CA-2025', validFrom: '2025-01-01', validTo: '2025-12-31', rules };
    expect((await post('/rule-versions', { commandId: 'rules-2025', ...version })).status).toBe(201);
    const overlapping = await post('/rule-versions', {
      commandId: 'rules-2025b',
      ...version,
      ruleVersionId: 'CQ-CA-2025b',
      validFrom: '2025-07-01',
      validTo: '2026-06-30',
    });
    expect(overlapping).toMatchObject({
      status: 409,
      body: { code: 'REGISTRY.RULE_VERSION_CONFLICT', field: 'validFrom' },
    });

    const preview = await post('/allocation-previews', {
      ruleVersionId: 'CQ-CA-2025',
      firms: firms(10_000, 10_000),
    });
    expect(preview).toMatchObject({
      status: 200,
      body: {
        cap: 20_000,
        auction: 4000,
        governmentReserve: 1000,
        freePool: 15_000,
        rows: [
          { firmId: 'power-a', entitlement: 8770, preAllocated: 6139 },
          { firmId: 'power-b', entitlement: 3920, preAllocated: 2744 },
        ],
      },
    });
    const allocation = await post('/allocations', {
      commandId: 'alloc-2025',
      vintage: 2025,
      ruleVersionId: 'CQ-CA-2025',
      firms: firms(10_000, 10_000),
    });
    expect(allocation).toMatchObject({
      status: 201,
      body: {
        firms: [
          { firmId: 'power-a', quantity: 6139 },
          { firmId: 'power-b', quantity: 2744 },
        ],
      },
    });

    const scheduled = await post('/auctions', {
      commandId: 'schedule-a1',
      auctionId: 'CQ-2025-A1',
      vintage: 2025,
      auctionDate: '2025-06-15',
      supply: 4000,
      reservePriceRule: { baseYear: 2024, basePriceFen: 3000, escalationBp: 250 },
      maxBidderShareBp: 5000,
      tieBreak: { kind: 'pro-rata', seed: 20250615 },
    });
    expect(scheduled).toMatchObject({
      status: 201,
      body: { records: [{ rules: { supply: 4000, lotSize: 1000, reservePriceFen: 3075 } }] },
    });
    const auction = (path: string, body: Record<string, unknown>, actor: string) =>
      post(`/auctions/CQ-2025-A1${path}`, body, actor);
    expect(
      (
        await auction(
          '/guarantees',
          { commandId: 'g-a', bidderId: 'power-a', amountFen: 10_000_000 },
          'power-a',
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await auction(
          '/guarantees',
          { commandId: 'g-b', bidderId: 'power-b', amountFen: 5_000_000 },
          'power-b',
        )
      ).status,
    ).toBe(201);
    const bid = (commandId: string, bidderId: string, priceFen: number, quantity: number) =>
      auction('/bids', { commandId, bidId: commandId, bidderId, priceFen, quantity }, bidderId);
    expect((await bid('a1', 'power-a', 4000, 2000)).status).toBe(201);
    expect((await bid('b1', 'power-b', 3800, 1000)).status).toBe(201);
    expect(await bid('b2', 'power-b', 3600, 1000)).toMatchObject({
      status: 422,
      body: { code: 'AUCTION.INSUFFICIENT_GUARANTEE', field: 'quantity' },
    });
    expect(await bid('b3', 'power-b', 3000, 1000)).toMatchObject({
      status: 422,
      body: { code: 'AUCTION.BELOW_RESERVE', field: 'priceFen' },
    });
    expect(
      (
        await auction(
          '/guarantees',
          { commandId: 'g-b2', bidderId: 'power-b', amountFen: 3_000_000 },
          'power-b',
        )
      ).status,
    ).toBe(201);
    expect((await bid('b4', 'power-b', 3600, 1000)).status).toBe(201);
    const sealed = await getJson<{ status: string; bidsReceived: number; result?: unknown }>(
      `${url}/registries/CQ/auctions/CQ-2025-A1`,
    );
    expect(sealed).toMatchObject({ status: 'open', bidsReceived: 3 });
    expect(sealed.result).toBeUndefined();
    // Sealed: another bidder's guarantee (its size hints at its bids) is not shown to a bidder,
    // nor who bid to anyone but Chongqing's regulator and administrators.
    const asWho = async (principal: Parameters<typeof bearerFor>[0], path = '/auctions/CQ-2025-A1') => {
      const response = await fetch(`${url}/registries/CQ${path}`, { headers: bearerFor(principal, service) });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown> & {
        guarantees: Record<string, unknown>;
        result?: { bidResults: { bidderId: string }[] };
      };
    };
    expect(Object.keys((await asWho(testEnterprise('power-a'))).guarantees)).toEqual(['power-a']);
    expect(Object.keys((await asWho(testRegulator('CQ'))).guarantees).sort()).toEqual(['power-a', 'power-b']);
    for (const other of [testRegulator('SC'), { role: 'verifier', id: 'v' } as const, testEnterprise('x')])
      expect(await asWho(other)).toMatchObject({ guarantees: {}, bidsReceived: 3, biddersRegistered: 2 });
    const listed = (await asWho(testEnterprise('power-b'), '/auctions')) as unknown as {
      auctions: { guarantees: Record<string, unknown> }[];
    };
    expect(listed.auctions.map((a) => Object.keys(a.guarantees))).toEqual([['power-b']]);

    const cleared = await auction('/clear', { commandId: 'clear-a1' }, regulator);
    expect(cleared).toMatchObject({
      status: 200,
      body: {
        result: { status: 'cleared', clearingPriceFen: 3600, sold: 4000 },
        awards: [
          { bidderId: 'power-a', quantity: 2000 },
          { bidderId: 'power-b', quantity: 2000 },
        ],
      },
    });
    const results = await getJson<Record<string, unknown>>(`${url}/registries/CQ/auctions/CQ-2025-A1`);
    expect(results).toMatchObject({
      status: 'cleared',
      guarantees: {
        'power-a': { postedFen: 10_000_000, paidFen: 7_200_000, releasedFen: 2_800_000, reservedFen: 0 },
        'power-b': { postedFen: 8_000_000, paidFen: 7_200_000, releasedFen: 800_000, reservedFen: 0 },
      },
      result: {
        clearingPriceFen: 3600,
        sold: 4000,
        bids: 3,
        bidders: 2,
        coverageRatio: '1.00',
        revenueFen: 14_400_000,
        toReserve: 0,
      },
    });
    // The result is public; each bidder reads its own bids in it, the regulator all.
    const forB = await asWho(testEnterprise('power-b'));
    expect(forB.result).toMatchObject({ clearingPriceFen: 3600, sold: 4000, bids: 3, bidders: 2 });
    expect(forB.result?.bidResults.map((b) => b.bidderId)).toEqual(['power-b', 'power-b']);
    expect(Object.keys(forB.guarantees)).toEqual(['power-b']);
    expect((await asWho({ role: 'researcher', id: 'r' })).result?.bidResults).toEqual([]);
    expect((await asWho(testRegulator('CQ'))).result?.bidResults).toHaveLength(3);

    for (const [firmId, emissions, verified] of [
      ['power-a', 11_000, 10_800],
      ['power-b', 4600, 4500],
    ] as const) {
      expect(
        (
          await post(
            '/emission-reports',
            { commandId: `rep-${firmId}`, firmId, complianceYear: 2025, emissions },
            firmId,
          )
        ).status,
      ).toBe(201);
      expect(
        (
          await post(
            '/verifications',
            { commandId: `ver-${firmId}`, firmId, complianceYear: 2025, verifiedEmissions: verified },
            'verifier:cq-v1',
          )
        ).status,
      ).toBe(201);
    }
    expect(
      await post('/emission-reports', {
        commandId: 'rep-x',
        firmId: 'power-a',
        complianceYear: 2031,
        emissions: 1,
      }),
    ).toMatchObject({
      status: 404,
      body: { code: 'REGISTRY.UNKNOWN_COMPLIANCE_YEAR', field: 'complianceYear' },
    });

    const trueUp = {
      allocationCommandId: 'alloc-2025',
      firms: [
        { firmId: 'power-a', lines: [{ output: 11_000, benchmark: 877 }] },
        { firmId: 'power-b', lines: [{ output: 9000, benchmark: 392 }] },
      ],
    };
    expect(await post('/true-up-previews', trueUp)).toMatchObject({
      status: 200,
      body: { toIssue: 4292, toReturn: 0, governmentHolds: 7117 },
    });
    expect(await post('/true-ups', { commandId: 'true-up-2025', ...trueUp })).toMatchObject({
      status: 201,
      body: { preview: { rows: [{ adjustment: 3508 }, { adjustment: 784 }] } },
    });
    const holdings = async (id: string) =>
      (await getJson<{ total: number }>(`${url}/registries/CQ/accounts/${id}`)).total;
    expect([await holdings('power-a'), await holdings('power-b')]).toEqual([11_647, 5528]);

    for (const [from, quantity] of [
      ['power-a', 10_800],
      ['power-b', 4000],
    ] as const)
      expect(
        (
          await post(
            '/surrenders',
            { commandId: `sur-${from}`, from, quantity, kind: 'CARBON_ALLOWANCE', complianceYear: 2025 },
            from,
          )
        ).status,
      ).toBe(201);
    expect(
      await post('/surrenders', {
        commandId: 'sur-too-much',
        from: 'power-b',
        quantity: 5000,
        kind: 'CARBON_ALLOWANCE',
        complianceYear: 2025,
      }),
    ).toMatchObject({ status: 422, body: { code: 'LEDGER.INSUFFICIENT_UNITS' } });

    const run = await post('/compliance-runs', {
      commandId: 'run-2025',
      complianceYear: 2025,
      avgPriceLastMonthFen: 5000,
    });
    expect(run).toMatchObject({
      status: 201,
      body: {
        records: [
          {
            statuses: [
              { firmId: 'power-a', state: 'COMPLIANT', shortfall: 0 },
              {
                firmId: 'power-b',
                state: 'SHORTFALL',
                shortfall: 500,
                penalty: { fineFen: 12_500_000, nextYearDeduction: 500 },
              },
            ],
            summary: { firms: 2, compliant: 1, inShortfall: 1, shortfall: 500, finesFen: 12_500_000 },
          },
        ],
      },
    });

    const supply = await getJson<{ rows: { issued: number; surrendered: number; conserved: boolean }[] }>(
      `${url}/registries/CQ/supply`,
    );
    expect(supply.rows).toEqual([
      expect.objectContaining({ issued: 20_000, surrendered: 14_800, conserved: true }),
    ]);
    // The first auctioned serial: issued, set aside for auction, offered (locked), sold, surrendered.
    const awardRange = (cleared.body.awards as { ranges: { first: string }[] }[])[0]!.ranges[0]!;
    const history = await getJson<{ accountId: string; events: { type: string }[] }>(
      `${url}/serials/${awardRange.first}`,
    );
    expect(history.accountId).toBe('CQ-SURRENDER');
    expect(history.events.map((e) => e.type)).toEqual([
      'UnitsIssued',
      'UnitsTransferred',
      'UnitsLocked',
      'UnitsUnlocked',
      'UnitsTransferred',
      'UnitsSurrendered',
    ]);
  });

  it('answers retries with the first answer and never 500 on the new routes', async () => {
    const again = await post('/auctions/CQ-2025-A1/clear', { commandId: 'clear-a1' });
    expect(again).toMatchObject({ status: 200, body: { replayed: true } });
    const routes = [
      '/auctions',
      '/auctions/CQ-2025-A1/guarantees',
      '/auctions/CQ-2025-A1/bids',
      '/auctions/CQ-2025-A1/cancel',
      '/auctions/NOPE/clear',
      '/true-ups',
      '/true-up-previews',
      '/rule-versions',
      '/expiries',
      '/msr-adjustments',
      '/new-entrant-allocations',
    ];
    const bodies: unknown[] = [
      {},
      [],
      'null',
      { commandId: 'z1', actor: 'a', supply: -1, amountFen: 1e300, priceFen: 'x', reason: '' },
      { commandId: 'z2', actor: 'a', auctionId: '../x', tieBreak: { kind: 'coin' }, validFrom: '2025-13-01' },
      {
        commandId: 'z3',
        actor: 'a',
        allocationCommandId: 'nope',
        firms: [{ firmId: 'x', lines: [] }],
        year: 1e9,
      },
    ];
    for (const route of routes)
      for (const body of bodies) {
        const res = await postJson(`${url}/registries/CQ${route}`, body);
        if (res.status >= 500) throw new Error(`${route} answered ${res.status} to ${JSON.stringify(body)}`);
      }
    expect((await fetch(`${url}/registries/CQ/auctions/NOPE`)).status).toBe(404);
    const openapi = (await (await fetch(`${url}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/registries/{jurisdiction}/rule-versions',
        '/registries/{jurisdiction}/auctions',
        '/registries/{jurisdiction}/auctions/{id}',
        '/registries/{jurisdiction}/auctions/{id}/guarantees',
        '/registries/{jurisdiction}/auctions/{id}/bids',
        '/registries/{jurisdiction}/auctions/{id}/cancel',
        '/registries/{jurisdiction}/true-ups',
        '/registries/{jurisdiction}/true-up-previews',
        '/registries/{jurisdiction}/expiries',
        '/registries/{jurisdiction}/msr-adjustments',
        '/registries/{jurisdiction}/new-entrant-allocations',
      ]),
    );
  });
});
