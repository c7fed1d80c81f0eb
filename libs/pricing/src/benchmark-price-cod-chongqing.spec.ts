import { benchmarkPrice, paidAllocationCharge, scarcityFactor } from './benchmark-price';
import { standardBenchmarkPrice } from './standard-apply';
import { CHENGYU_PRICING_STANDARD_2026_1 } from './presets';

const cod = { unitAbatementCostFen: 20_000, regionalAdjustmentBp: 1_500, scarcityCap: { num: 3, den: 2 } };

// P = C × (1 + r) × s, s = min(cap, max(1, D ÷ S))
describe('benchmark price for a paid initial allocation of COD rights in Chongqing', () => {
  it('C = 200.00 CNY/t·yr, r = +15 %, demand = supply → 230.00 (Zhuzhou 2016 paid-use COD price)', () => {
    expect(benchmarkPrice({ ...cod, demand: 1_000, supply: 1_000 }, 'half-up')).toBe(23_000);
  });

  it('demand 1,200 t for 1,000 t offered: s = 6/5 → 200 × 1.15 × 1.2 = 276.00', () => {
    expect(scarcityFactor(1_200, 1_000, { num: 3, den: 2 })).toEqual({ num: 1_200, den: 1_000 });
    expect(benchmarkPrice({ ...cod, demand: 1_200, supply: 1_000 }, 'half-up')).toBe(27_600);
  });

  it('demand 2,000 t: s capped at 3/2 → 345.00', () => {
    expect(benchmarkPrice({ ...cod, demand: 2_000, supply: 1_000 }, 'half-up')).toBe(34_500);
  });

  it('a basin with slack (r = −20 %) and low demand (s = 1): 160.00', () => {
    expect(
      benchmarkPrice({ ...cod, regionalAdjustmentBp: -2_000, demand: 10, supply: 1_000 }, 'half-up'),
    ).toBe(16_000);
  });

  it('one rounding at the end: C = 3.33, r = +15 % → 3.8295 → 3.83 half-up, 3.82 floor', () => {
    const inputs = { ...cod, unitAbatementCostFen: 333, demand: 1, supply: 1 };
    expect(benchmarkPrice(inputs, 'half-up')).toBe(383);
    expect(benchmarkPrice(inputs, 'floor')).toBe(382);
  });

  it('paid allocation of 10 t for 5 years at 276.00 → 13,800.00 CNY', () => {
    expect(paidAllocationCharge(27_600, 10, 5)).toBe(1_380_000);
  });

  it('the 2026.1 standard: Sichuan NH3-N with demand = supply → 260.00; unknown kind → PRICING.UNKNOWN_BENCHMARK', () => {
    const doc = CHENGYU_PRICING_STANDARD_2026_1;
    expect(standardBenchmarkPrice(doc, 'POLLUTANT_NH3N', 'SC', { demand: 5, supply: 5 })).toBe(26_000);
    expect(() => standardBenchmarkPrice(doc, 'CCER', 'SC', { demand: 5, supply: 5 })).toThrow(
      expect.objectContaining({ code: 'PRICING.UNKNOWN_BENCHMARK' }),
    );
  });

  it('rejects r ≤ −100 %, a cap below 1 and zero supply', () => {
    const code = { code: 'PRICING.BAD_PARAMETER' };
    expect(() =>
      benchmarkPrice({ ...cod, regionalAdjustmentBp: -10_000, demand: 1, supply: 1 }, 'half-up'),
    ).toThrow(expect.objectContaining(code));
    expect(() => scarcityFactor(1, 1, { num: 1, den: 2 })).toThrow(expect.objectContaining(code));
    expect(() => scarcityFactor(1, 0, { num: 3, den: 2 })).toThrow(expect.objectContaining(code));
  });
});
