import { co2eFactorFor, DEFAULT_CO2E_FACTORS, toCo2e } from './co2e-conversion';
import { CHENGYU_PRICING_STANDARD_2026_1 } from './presets';
import { standardCo2e } from './standard-apply';

describe('CO2-equivalent basis of energy-use and electricity-use rights', () => {
  it('10,000 tce × 2.66 tCO2/tce = 26,600 tCO2', () => {
    expect(toCo2e(10_000, DEFAULT_CO2E_FACTORS.energyUse, 'floor')).toBe(26_600);
  });

  it('1,000 MWh in Sichuan × 0.1564 = 156.4 → 156 tCO2 (floor: never overstate)', () => {
    expect(standardCo2e(CHENGYU_PRICING_STANDARD_2026_1, 'ELECTRICITY_USE', 'SC', 1_000)).toBe(156);
  });

  it('1,000 MWh in Chongqing × 0.5306 = 530.6 → 530 tCO2; half-up would give 531', () => {
    expect(standardCo2e(CHENGYU_PRICING_STANDARD_2026_1, 'ELECTRICITY_USE', 'CQ', 1_000)).toBe(530);
    expect(toCo2e(1_000, DEFAULT_CO2E_FACTORS.electricityUse.CQ, 'half-up')).toBe(531);
  });

  it('every factor states its source', () => {
    const all = [DEFAULT_CO2E_FACTORS.energyUse, ...Object.values(DEFAULT_CO2E_FACTORS.electricityUse)];
    for (const f of all) expect(f.source.length).toBeGreaterThan(10);
  });

  it('no grid factor for the national market → PRICING.UNKNOWN_FACTOR', () => {
    expect(() => co2eFactorFor(DEFAULT_CO2E_FACTORS, 'ELECTRICITY_USE', 'NATIONAL')).toThrow(
      expect.objectContaining({ code: 'PRICING.UNKNOWN_FACTOR' }),
    );
  });
});
