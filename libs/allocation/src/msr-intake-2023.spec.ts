import { effectiveOn } from '@app/domain';
import { art29aRelease, MSR_2019_2023, MSR_2024, MSR_VERSIONS, msrIntake, msrYear } from './msr';

// Published EU MSR intakes (TNAC → intake), rule "24 % of TNAC when above 833 M", nearest integer.
describe('MSR intake, 24 % rule (2019–2023)', () => {
  it('TNAC 1,654,909,824 → 397,178,358', () => {
    expect(msrIntake(1_654_909_824, MSR_2019_2023)).toBe(397_178_358);
  });

  it('TNAC 1,134,794,738 → 272,350,737', () => {
    expect(msrIntake(1_134_794_738, MSR_2019_2023)).toBe(272_350_737);
    // Above the 1,096 M buffer top the 2024 rule is still 24 %.
    expect(msrIntake(1_134_794_738, MSR_2024)).toBe(272_350_737);
  });

  it('no intake at or below 833,000,000', () => {
    expect(msrIntake(833_000_000, MSR_2019_2023)).toBe(0);
  });
});

describe('MSR intake, buffer rule since 2024', () => {
  it('TNAC 1,023,494,202 (between 833 M and 1,096 M) → TNAC − 833 M = 190,494,202', () => {
    expect(msrIntake(1_023_494_202, MSR_2024)).toBe(190_494_202);
    // Under the old rule the same TNAC would have taken 24 %.
    expect(msrIntake(1_023_494_202, MSR_2019_2023)).toBe(245_638_608);
  });
});

describe('MSR release and invalidation', () => {
  it('releases 100 M when TNAC falls below 400 M, at most what the reserve holds', () => {
    expect(msrYear(350_000_000, 250_000_000, MSR_2024)).toEqual({
      intake: 0,
      release: 100_000_000,
      invalidated: 0,
      holdingsAfter: 150_000_000,
    });
    expect(msrYear(350_000_000, 60_000_000, MSR_2024).release).toBe(60_000_000);
  });

  it('invalidates holdings above 400 M after intake', () => {
    expect(msrYear(1_023_494_202, 300_000_000, MSR_2024)).toEqual({
      intake: 190_494_202,
      release: 0,
      invalidated: 90_494_202,
      holdingsAfter: 400_000_000,
    });
  });
});

describe('MSR rules by effective date', () => {
  it('TNAC 1,023,494,202: the rule in force in 2023 would take 24 %; the 2024 buffer rule takes TNAC − 833 M', () => {
    expect(msrIntake(1_023_494_202, effectiveOn(MSR_VERSIONS, '2023-09-01'))).toBe(245_638_608);
    expect(msrIntake(1_023_494_202, effectiveOn(MSR_VERSIONS, '2024-09-01'))).toBe(190_494_202);
  });
});

describe('Art. 29a price trigger', () => {
  it('releases 75 M when the 6-month average exceeds 2.4 × the 2-year average (€60.01 > 2.4 × €25.00)', () => {
    expect(art29aRelease(6_001, 2_500, 400_000_000)).toBe(75_000_000);
    expect(art29aRelease(6_000, 2_500, 400_000_000)).toBe(0);
  });
});
