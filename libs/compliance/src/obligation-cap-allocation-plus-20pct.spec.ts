import { NATIONAL_OFFSET_RULES } from './offsets';
import { complianceStatus, unitsDueFor, type ComplianceRules } from './status';

// Early China cycles: obligation capped at allocation + 20 % of verified emissions.
const rules: ComplianceRules = {
  jurisdiction: 'NATIONAL',
  offsets: NATIONAL_OFFSET_RULES,
  banking: true,
  borrowing: false,
  penalty: { kind: 'national-2024', multiplier: 5 },
  obligationCap: { extraBpOfVerified: 2_000 },
};

describe('obligation cap: allocation + 20 % of verified emissions', () => {
  it('1,000,000 t verified, 700,000 allocated → due min(1,000,000, 700,000 + 200,000) = 900,000', () => {
    expect(unitsDueFor(rules, 1_000_000, 700_000)).toBe(900_000);
  });
  it('a small gap is not capped: 1,000,000 verified, 900,000 allocated → 1,000,000 due', () => {
    expect(unitsDueFor(rules, 1_000_000, 900_000)).toBe(1_000_000);
  });
  it('status uses the capped obligation; offsets limit is 5 % of the capped units due (45,000)', () => {
    const s = complianceStatus(rules, {
      firmId: 'power-1',
      complianceYear: 2020,
      verifiedEmissions: 1_000_000,
      freeAllocation: 700_000,
      allowances: [
        { vintage: 2020, quantity: 700_000 },
        { vintage: 2019, quantity: 155_000 },
      ],
      credits: [
        {
          kind: 'CCER',
          issuingJurisdiction: 'NATIONAL',
          projectType: 'wind',
          vintage: 2018,
          quantity: 60_000,
        },
      ],
    });
    expect(s.unitsDue).toBe(900_000);
    expect(s.offsets.used).toBe(45_000);
    expect(s.state).toBe('COMPLIANT');
  });
  it('requires the free allocation when the cap applies', () => {
    expect(() => unitsDueFor(rules, 1, undefined)).toThrow('COMPLIANCE.BAD_PARAMETER');
  });
});
