import { parseAppConfig, RunningService, startService } from '@app/platform';
import { registryService } from '../apps/registry/src/registry.app';
import { getJson, postJson } from './support/http';

const rules = {
  cap: 1000,
  auctionShareBp: 1000,
  newEntrantReserveBp: 0,
  governmentReserveBp: 500,
  entitlementRounding: 'half-up',
  scaling: 'largest-remainder',
};
const firms = [
  { firmId: 'sc-power-1', method: 'benchmark', lines: [{ output: 500, benchmark: 877 }] },
  {
    firmId: 'sc-cement-2',
    method: 'grandfathering',
    historicEmissions: [300, 420],
    basis: 'max',
    factorBp: 9000,
  },
];

describe('registry allocation over HTTP, embedded (PGlite)', () => {
  let service: RunningService;
  let url: string;
  const actor = 'regulator:sc-eco';

  beforeAll(async () => {
    service = await startService(registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent' })));
    url = service.url;
    for (const f of firms)
      await postJson(`${url}/registries/SC/accounts`, {
        actor,
        commandId: `open-${f.firmId}`,
        accountId: f.firmId,
        accountType: 'ENTERPRISE_HOLDING',
      });
  });
  afterAll(() => service?.close());

  it('previews the table without issuing anything', async () => {
    const preview = await postJson(`${url}/registries/SC/allocation-previews`, { actor, rules, firms });
    // power: 500 MWh × 0.877 = 438.5 → 439; cement: max 420 × 90 % = 378; 817 fits the free pool of 850.
    expect(preview).toMatchObject({
      status: 200,
      body: {
        freePool: 850,
        scaled: false,
        rows: [
          { firmId: 'sc-power-1', allocated: 439 },
          { firmId: 'sc-cement-2', allocated: 378 },
        ],
      },
    });
    const supply = await getJson<{ rows: unknown[] }>(`${url}/registries/SC/supply`);
    expect(supply.rows).toEqual([]);
  });

  it('issues the previewed table: firms credited, reserves with the government, retry-safe', async () => {
    const body = { actor, commandId: 'sc-alloc-2025', vintage: 2025, rules, firms };
    const first = await postJson(`${url}/registries/SC/allocations`, body);
    expect(first.status).toBe(201);
    const again = await postJson(`${url}/registries/SC/allocations`, body);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    const power = await getJson<{ total: number }>(`${url}/registries/SC/accounts/sc-power-1`);
    const government = await getJson<{ total: number }>(`${url}/registries/SC/accounts/SC-GOVERNMENT`);
    const auction = await getJson<{ total: number }>(`${url}/registries/SC/accounts/SC-AUCTION`);
    expect([power.total, auction.total, government.total]).toEqual([439, 100, 1000 - 439 - 378 - 100]);
  });

  it('refuses malformed rules with 400 naming the nested field, and inconsistent rules with 422', async () => {
    const bad = await postJson(`${url}/registries/SC/allocation-previews`, {
      actor,
      rules: { ...rules, cap: -1 },
      firms: [{ firmId: 'x', method: 'grandfathering' }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/rules\.cap/);
    expect(JSON.stringify(bad.body.message)).toMatch(/historicEmissions/);
    const overfull = await postJson(`${url}/registries/SC/allocation-previews`, {
      actor,
      rules: { ...rules, auctionShareBp: 9000, governmentReserveBp: 2000 },
      firms,
    });
    expect(overfull).toMatchObject({ status: 422, body: { code: 'ALLOCATION.SHARES_EXCEED_CAP' } });
  });
});
