import { formatMoney } from '@app/domain';
import { assessPenalty } from './penalty';

describe('national 2024 penalty: 5–10 × last-month average price × shortfall, plus next-year deduction', () => {
  it('shortfall 10,000 t at ¥97.49 × 5 = ¥4,874,500.00, ×10 = ¥9,749,000.00', () => {
    expect(
      assessPenalty({ kind: 'national-2024', multiplier: 5 }, 10_000, { avgPriceLastMonthFen: 9_749 }),
    ).toEqual({
      rule: 'national-2024',
      shortfall: 10_000,
      fineFen: 487_450_000,
      nextYearDeduction: 10_000,
      makeGood: 0,
    });
    expect(
      formatMoney(
        assessPenalty({ kind: 'national-2024', multiplier: 10 }, 10_000, { avgPriceLastMonthFen: 9_749 })
          .fineFen,
      ),
    ).toBe('9749000.00');
  });

  it('rejects a multiplier outside 5–10 and a missing price', () => {
    expect(() =>
      assessPenalty({ kind: 'national-2024', multiplier: 4 }, 1, { avgPriceLastMonthFen: 1 }),
    ).toThrow('COMPLIANCE.BAD_MULTIPLIER');
    expect(() => assessPenalty({ kind: 'national-2024', multiplier: 5 }, 1)).toThrow(
      'COMPLIANCE.MISSING_PRICE',
    );
  });
});

describe('EU: €100 per tonne and make-good', () => {
  it('shortfall 2,500 t → €250,000.00 and 2,500 still owed', () => {
    const p = assessPenalty({ kind: 'eu-fixed', finePerTonneFen: 10_000 }, 2_500);
    expect(formatMoney(p.fineFen)).toBe('250000.00');
    expect(p.makeGood).toBe(2_500);
    expect(p.nextYearDeduction).toBe(0);
  });
});

describe('Shenzhen: 3 × six-month average price', () => {
  it('shortfall 1,000 t at ¥40.00 → ¥120,000.00 plus next-year deduction', () => {
    const p = assessPenalty({ kind: 'shenzhen', multiplier: 3 }, 1_000, { avgPriceSixMonthsFen: 4_000 });
    expect(formatMoney(p.fineFen)).toBe('120000.00');
    expect(p.nextYearDeduction).toBe(1_000);
  });
});
