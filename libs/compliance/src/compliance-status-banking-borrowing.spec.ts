import { CHONGQING_OFFSET_RULES, NATIONAL_OFFSET_RULES } from './offsets';
import { complianceStatus, summarizeCompliance, type ComplianceRules } from './status';

const national: ComplianceRules = {
  jurisdiction: 'NATIONAL',
  offsets: NATIONAL_OFFSET_RULES,
  banking: true,
  borrowing: false,
  penalty: { kind: 'national-2024', multiplier: 5 },
};
const prices = { avgPriceLastMonthFen: 9_749 };
const ccer = (quantity: number) => ({
  kind: 'CCER' as const,
  issuingJurisdiction: 'NATIONAL' as const,
  projectType: 'wind',
  vintage: 2023,
  quantity,
});

describe('compliance 2024, national rules (banking on, borrowing off)', () => {
  it('100,000 t verified: 5,000 CCER + 60,000 banked 2023 + 30,000 2024 → 95,000, shortfall 5,000, fine ¥2,437,250.00', () => {
    const s = complianceStatus(
      national,
      {
        firmId: 'cement-1',
        complianceYear: 2024,
        verifiedEmissions: 100_000,
        allowances: [
          { vintage: 2024, quantity: 30_000 },
          { vintage: 2023, quantity: 60_000 },
          { vintage: 2025, quantity: 10_000 },
        ],
        credits: [ccer(8_000)],
      },
      prices,
    );
    expect(s.offsets.used).toBe(5_000);
    expect(s.allowanceLines.map((l) => [l.counted, l.rejected])).toEqual([
      [30_000, undefined],
      [60_000, undefined],
      [0, 'COMPLIANCE.BORROWING_NOT_ALLOWED'],
    ]);
    expect(s.state).toBe('SHORTFALL');
    expect(s.shortfall).toBe(5_000);
    expect(s.penalty.fineFen).toBe(243_725_000);
    expect(s.penalty.nextYearDeduction).toBe(5_000);
  });

  it('with banking off the 2023 units do not count', () => {
    const s = complianceStatus(
      { ...national, banking: false },
      {
        firmId: 'x',
        complianceYear: 2024,
        verifiedEmissions: 10,
        allowances: [{ vintage: 2023, quantity: 10 }],
        credits: [],
      },
      prices,
    );
    expect(s.allowanceLines[0]?.rejected).toBe('COMPLIANCE.BANKING_NOT_ALLOWED');
    expect(s.shortfall).toBe(10);
  });

  it('borrowing on, limited to 10 % of units due: 2025 units count up to 10,000 of 100,000', () => {
    const s = complianceStatus(
      { ...national, borrowing: true, borrowingLimitBp: 1_000 },
      {
        firmId: 'x',
        complianceYear: 2024,
        verifiedEmissions: 100_000,
        allowances: [
          { vintage: 2024, quantity: 85_000 },
          { vintage: 2025, quantity: 20_000 },
        ],
        credits: [],
      },
      prices,
    );
    expect(s.allowanceLines[1]).toEqual({
      vintage: 2025,
      offered: 20_000,
      counted: 10_000,
      rejected: 'COMPLIANCE.BORROWING_LIMIT',
    });
    expect(s.shortfall).toBe(5_000);
  });

  it('over-surrender is compliant; unverified firms are pending, not in shortfall', () => {
    const ok = complianceStatus(national, {
      firmId: 'ok',
      complianceYear: 2024,
      verifiedEmissions: 50_000,
      allowances: [{ vintage: 2024, quantity: 60_000 }],
      credits: [],
    });
    expect([ok.state, ok.shortfall, ok.excess, ok.penalty.fineFen]).toEqual(['COMPLIANT', 0, 10_000, 0]);
    const pending = complianceStatus(national, {
      firmId: 'p',
      complianceYear: 2024,
      allowances: [],
      credits: [],
    });
    expect(pending.state).toBe('NOT_VERIFIED');
  });
});

describe('per-jurisdiction summary', () => {
  it('counts firms, compliance rate in bp, shortfall and fines', () => {
    const cq: ComplianceRules = {
      jurisdiction: 'CQ',
      offsets: CHONGQING_OFFSET_RULES,
      banking: true,
      borrowing: false,
      penalty: { kind: 'national-2024', multiplier: 5 },
    };
    const sub = (firmId: string, verifiedEmissions: number, allowances: number) => ({
      firmId,
      complianceYear: 2024,
      verifiedEmissions,
      allowances: [{ vintage: 2024, quantity: allowances }],
      credits: [],
    });
    const statuses = [
      complianceStatus(cq, sub('a', 1_000, 1_000), prices),
      complianceStatus(cq, sub('b', 1_000, 900), prices),
      complianceStatus(cq, sub('c', 2_000, 2_500), prices),
      complianceStatus(national, sub('n', 1_000, 0), prices),
    ];
    expect(summarizeCompliance('CQ', 2024, statuses)).toEqual({
      jurisdiction: 'CQ',
      complianceYear: 2024,
      firms: 3,
      compliant: 2,
      inShortfall: 1,
      notVerified: 0,
      complianceRateBp: 6_666,
      unitsDue: 4_000,
      unitsCounted: 3_900,
      offsetsUsed: 0,
      shortfall: 100,
      finesFen: 5 * 9_749 * 100,
      nextYearDeduction: 100,
    });
  });
});
