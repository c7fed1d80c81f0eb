import { CHONGQING_OFFSET_RULES, evaluateOffsets } from './offsets';

// Chongqing: offsets up to 8 % of verified emissions; hydro excluded; projects must start after 31 Dec 2010.
describe('Chongqing offsets: 250,000 t verified → at most 20,000', () => {
  it('excludes hydro and pre-2011 projects and stops at the limit', () => {
    const r = evaluateOffsets(CHONGQING_OFFSET_RULES, {
      verifiedEmissions: 250_000,
      unitsDue: 250_000,
      credits: [
        {
          kind: 'CCER',
          issuingJurisdiction: 'NATIONAL',
          projectType: 'hydro',
          vintage: 2022,
          projectStartYear: 2015,
          quantity: 10_000,
        },
        {
          kind: 'CQCER',
          issuingJurisdiction: 'CQ',
          projectType: 'forestry',
          vintage: 2023,
          projectStartYear: 2015,
          quantity: 15_000,
        },
        {
          kind: 'CCER',
          issuingJurisdiction: 'NATIONAL',
          projectType: 'solar',
          vintage: 2022,
          projectStartYear: 2009,
          quantity: 3_000,
        },
        {
          kind: 'CCER',
          issuingJurisdiction: 'NATIONAL',
          projectType: 'wind',
          vintage: 2022,
          projectStartYear: 2014,
          quantity: 8_000,
        },
      ],
    });
    expect(r.limit).toBe(20_000);
    expect(r.lines.map((l) => [l.used, l.rejected])).toEqual([
      [0, 'COMPLIANCE.PROJECT_TYPE_EXCLUDED'],
      [15_000, undefined],
      [0, 'COMPLIANCE.PROJECT_TOO_OLD'],
      [5_000, 'COMPLIANCE.OVER_OFFSET_LIMIT'],
    ]);
    expect([r.localUsed, r.nonLocalUsed]).toEqual([15_000, 5_000]);
  });
});

describe('local-share minimum (cross-province recognition knob): ≥ 50 % of offsets local', () => {
  it('6,000 local CQCER allow at most 6,000 Sichuan 碳惠天府 credits', () => {
    const rules = {
      ...CHONGQING_OFFSET_RULES,
      eligibleKinds: [...CHONGQING_OFFSET_RULES.eligibleKinds, 'TANHUI_TIANFU' as const],
      localShareMinBp: 5_000,
    };
    const r = evaluateOffsets(rules, {
      verifiedEmissions: 250_000,
      unitsDue: 250_000,
      credits: [
        {
          kind: 'TANHUI_TIANFU',
          issuingJurisdiction: 'SC',
          projectType: 'forestry',
          vintage: 2024,
          projectStartYear: 2020,
          quantity: 10_000,
        },
        {
          kind: 'CQCER',
          issuingJurisdiction: 'CQ',
          projectType: 'forestry',
          vintage: 2024,
          projectStartYear: 2019,
          quantity: 6_000,
        },
      ],
    });
    expect(r.used).toBe(12_000);
    expect(r.lines[0]).toEqual({
      index: 0,
      offered: 10_000,
      used: 6_000,
      rejected: 'COMPLIANCE.LOCAL_SHARE_MINIMUM',
    });
    expect(r.lines[1]).toEqual({ index: 1, offered: 6_000, used: 6_000 });
  });

  it('accepted-jurisdiction list rejects credits from elsewhere', () => {
    const rules = { ...CHONGQING_OFFSET_RULES, acceptedJurisdictions: ['CQ' as const] };
    const r = evaluateOffsets(rules, {
      verifiedEmissions: 100_000,
      unitsDue: 100_000,
      credits: [
        {
          kind: 'CCER',
          issuingJurisdiction: 'NATIONAL',
          projectType: 'wind',
          vintage: 2022,
          projectStartYear: 2014,
          quantity: 1,
        },
      ],
    });
    expect(r.lines[0]?.rejected).toBe('COMPLIANCE.JURISDICTION_NOT_ACCEPTED');
  });
});
