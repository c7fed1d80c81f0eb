import { CHENGYU_PRICING_STANDARD_2026_1 } from './presets';
import { parsePricingStandard, type StandardIssue } from './standard-schema';

const issuesOf = (raw: unknown): StandardIssue[] => {
  try {
    parsePricingStandard(raw);
  } catch (e) {
    expect(e).toMatchObject({ code: 'PRICING.INVALID_STANDARD' });
    return (e as { details: { issues: StandardIssue[] } }).details.issues;
  }
  throw new Error('expected PRICING.INVALID_STANDARD');
};
const doc = CHENGYU_PRICING_STANDARD_2026_1;
const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(doc));

describe('pricing standard document: parse and validate', () => {
  it('the 2026.1 preset is valid and round-trips through JSON', () => {
    expect(parsePricingStandard(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it('names the field at fault: a zero tick for pollutant rights', () => {
    const raw = clone();
    (raw.bands as Record<string, { tickFen: number }>).POLLUTANT!.tickFen = 0;
    expect(issuesOf(raw).map((i) => i.path)).toEqual(['bands.POLLUTANT.tickFen']);
  });

  it('a missing instrument class, a block band narrower than the listing band, a bad version', () => {
    const raw = clone();
    const bands = raw.bands as Record<string, unknown>;
    delete bands.WATER_USE;
    bands.CARBON_CREDIT = { tickFen: 1, listingBandBp: 1_000, blockBandBp: 500 };
    raw.version = 'v1';
    expect(
      issuesOf(raw)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['bands.CARBON_CREDIT.blockBandBp', 'bands.WATER_USE', 'version']);
  });

  it('duplicate benchmark entries, a duplicate fallback and an unknown field', () => {
    const raw = clone();
    const benchmark = raw.benchmark as { entries: unknown[] };
    benchmark.entries.push(benchmark.entries[0]);
    (raw.closing as { fallbacks: string[] }).fallbacks = ['reference', 'reference'];
    raw.surprise = true;
    const paths = issuesOf(raw).map((i) => i.path);
    expect(paths).toContain('(root)');
    // the cross-field checks run only once the shape is right
    delete raw.surprise;
    expect(issuesOf(raw).map((i) => i.path)).toEqual([
      'closing.fallbacks.1',
      `benchmark.entries.${benchmark.entries.length - 1}`,
    ]);
  });

  it('a grid factor without a source or with a zero denominator', () => {
    const raw = clone();
    const co2e = raw.co2e as { electricityUse: { SC: { source: string; tco2PerUnit: { den: number } } } };
    co2e.electricityUse.SC.source = '';
    co2e.electricityUse.SC.tco2PerUnit.den = 0;
    expect(
      issuesOf(raw)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['co2e.electricityUse.SC.source', 'co2e.electricityUse.SC.tco2PerUnit.den']);
  });

  it('the error message lists every issue with its path', () => {
    expect(() => parsePricingStandard({ ...doc, version: '1' })).toThrow(/version: expected YYYY\.N/);
  });
});
