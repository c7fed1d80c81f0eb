import { newTrader, type Trader } from '@app/agents';
import type { FirmSpec, JurisdictionSpec, Linkage, MarketRules } from '../scenario/model';
import { comply } from './comply';
import { complianceRulesFor, creditLines, eligibleCredits, penaltyPerTonne } from './compliance-rules';

const YEAR = 2025;
const PRICE = 5_000;
const chongqing: JurisdictionSpec = {
  id: 'CQ',
  cap: { '2025': 0 },
  auctionShareBp: 0,
  offsetLimitBp: 800,
  excludedProjectTypes: ['hydro'],
  recognitionQuotaBp: 300,
};

/** A firm that cannot abate (so every tonne not covered is short) unless `mac` says otherwise. */
function firm(
  credits: FirmSpec['credits'],
  mac: FirmSpec['mac'] = { type: 'linear', maxAbatement: 1, priceAtMax: 10_000_000 },
): FirmSpec {
  return {
    id: 'cq-1',
    jurisdiction: 'CQ',
    sector: 'steel',
    emissions: { '2025': 100_000 },
    mac,
    agent: 'mac-trader',
    credits,
  };
}

const shenzhen3: MarketRules = {
  initialReferencePrice: PRICE,
  priceLimitBp: 1000,
  tick: 1,
  stepsPerDay: 4,
  penaltyMultiplier: 3,
  penaltyRule: 'shenzhen',
};
/** The year's average is PRICE; the final tenth (the "last month") averaged LAST_MONTH. */
const LAST_MONTH = 6_000;

function settle(
  f: FirmSpec,
  holdings: number,
  linkage: Linkage = 'separate',
  market: MarketRules = shenzhen3,
) {
  const rules = complianceRulesFor(chongqing, linkage, market);
  const t: Trader = newTrader(f.id, 0, 'mac-trader', f.mac, PRICE);
  t.emissions = 100_000;
  t.holdings = holdings;
  t.offsets = eligibleCredits(f, YEAR, chongqing, rules, linkage);
  t.offsetLimitBp = chongqing.offsetLimitBp;
  const prices = {
    yearAvgFen: PRICE,
    lastMonthAvgFen: LAST_MONTH,
    penaltyPerTonneFen: penaltyPerTonne(market, PRICE, LAST_MONTH),
  };
  return comply(t, YEAR, rules, prices, (v) => creditLines(f, YEAR, chongqing, linkage, v));
}

describe('compliance through @app/compliance (Chongqing: offsets ≤ 8 % of verified, no hydro; 3 × average price)', () => {
  it('counts local forestry credits up to 8 % of verified emissions, refuses hydro, fines and deducts the rest', () => {
    const c = settle(
      firm([
        { issuer: 'CQ', projectType: 'forestry', quantity: { '2025': 10_000 } },
        { issuer: 'CQ', projectType: 'hydro', quantity: { '2025': 5_000 } },
      ]),
      80_000,
    );
    expect(c).toEqual({
      abatement: 0,
      abatementCostFen: 0,
      verified: 100_000,
      unitsDue: 100_000,
      offsetsUsed: 8_000,
      surrendered: 88_000,
      shortfall: 12_000,
      penaltyFen: 12_000 * 3 * PRICE,
      nextYearDeduction: 12_000,
      allowancesSurrendered: 80_000,
      creditsSurrendered: [
        {
          line: expect.objectContaining({ projectType: 'forestry', quantity: 10_000 }) as unknown,
          used: 8_000,
        },
        { line: expect.objectContaining({ projectType: 'hydro', quantity: 5_000 }) as unknown, used: 0 },
      ],
    });
  });

  it('a compliant firm surrenders no more than it owes and is not fined', () => {
    const c = settle(firm([]), 120_000);
    expect([c.surrendered, c.shortfall, c.penaltyFen, c.nextYearDeduction]).toEqual([100_000, 0, 0, 0]);
  });

  it('Sichuan credits count in Chongqing only under recognition, up to the 3 % quota; under linked up to the 8 % limit', () => {
    const f = firm([{ issuer: 'SC', projectType: 'forestry', quantity: { '2025': 6_000 } }]);
    expect(settle(f, 90_000, 'separate').offsetsUsed).toBe(0);
    expect(settle(f, 90_000, 'recognition').offsetsUsed).toBe(3_000);
    expect(settle(f, 90_000, 'linked').offsetsUsed).toBe(6_000);
  });

  it('abates again when abating lowers its verified-emissions offset limit, down to the least abatement that complies', () => {
    const cheap = { type: 'linear' as const, maxAbatement: 50_000, priceAtMax: 1_000 };
    const c = settle(
      firm([{ issuer: 'CQ', projectType: 'forestry', quantity: { '2025': 10_000 } }], cheap),
      80_000,
    );
    // With 80,000 allowances it complies when v ≤ 80,000 + floor(8 % × v): the largest such v is
    // 86,956 (offset limit 6,956), i.e. 13,044 tonnes abated (not 12,000 as planned on BAU).
    expect(c.shortfall).toBe(0);
    expect(c.verified).toBe(86_956);
    expect(c.abatement).toBe(13_044);
    expect(c.offsetsUsed).toBe(6_956);
  });

  it('other penalty rules: national-2024 (5 × the last month’s average) and eu-fixed (fine + make-good next year)', () => {
    const f = firm([]);
    const national = settle(f, 88_000, 'separate', {
      ...shenzhen3,
      penaltyRule: 'national-2024',
      penaltyMultiplier: 5,
    });
    expect([national.shortfall, national.penaltyFen, national.nextYearDeduction]).toEqual([
      12_000,
      12_000 * 5 * LAST_MONTH,
      12_000,
    ]);
    const eu = settle(f, 88_000, 'separate', {
      ...shenzhen3,
      penaltyRule: 'eu-fixed',
      penaltyFinePerTonneFen: 10_000,
    });
    expect([eu.shortfall, eu.penaltyFen, eu.nextYearDeduction]).toEqual([12_000, 12_000 * 10_000, 12_000]);
    expect(
      penaltyPerTonne(
        { ...shenzhen3, penaltyRule: 'eu-fixed', penaltyFinePerTonneFen: 10_000 },
        PRICE,
        LAST_MONTH,
      ),
    ).toBe(15_000);
  });
});
