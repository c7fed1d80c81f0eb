import { evaluateOffsets, NATIONAL_OFFSET_RULES } from './offsets';

// National ETS: CCER usable up to 5 % of the allowances due.
describe('national offsets: 1,000,000 t due → at most 50,000 CCER', () => {
  it('uses 30,000 + 20,000 of 70,000 CCER offered; CQCER is not eligible nationally', () => {
    const r = evaluateOffsets(NATIONAL_OFFSET_RULES, {
      verifiedEmissions: 1_000_000,
      unitsDue: 1_000_000,
      credits: [
        {
          kind: 'CCER',
          issuingJurisdiction: 'NATIONAL',
          projectType: 'wind',
          vintage: 2023,
          quantity: 30_000,
        },
        { kind: 'CQCER', issuingJurisdiction: 'CQ', projectType: 'forestry', vintage: 2023, quantity: 5_000 },
        {
          kind: 'CCER',
          issuingJurisdiction: 'NATIONAL',
          projectType: 'methane',
          vintage: 2024,
          quantity: 40_000,
        },
      ],
    });
    expect(r.limit).toBe(50_000);
    expect(r.used).toBe(50_000);
    expect(r.lines.map((l) => [l.used, l.rejected])).toEqual([
      [30_000, undefined],
      [0, 'COMPLIANCE.KIND_NOT_ELIGIBLE'],
      [20_000, 'COMPLIANCE.OVER_OFFSET_LIMIT'],
    ]);
  });

  it('5 % of 123,457 t due = 6,172.85 → 6,172 (floor)', () => {
    expect(
      evaluateOffsets(NATIONAL_OFFSET_RULES, { verifiedEmissions: 123_457, unitsDue: 123_457, credits: [] })
        .limit,
    ).toBe(6_172);
  });
});
