import { rational } from '@app/domain';
import {
  benchmarkAllocation,
  grandfatheringAllocation,
  HEAT_BENCHMARKS_2019_2020,
  POWER_BENCHMARKS_2019_2020,
  preAllocation,
  trueUp,
} from './free-allocation';

describe('benchmark allocation with the national 2019–2020 power benchmarks', () => {
  it('coal > 300 MW, 3,000,000 MWh × 0.877 t/MWh = 2,631,000 t', () => {
    expect(
      benchmarkAllocation(
        [{ output: 3_000_000, benchmark: POWER_BENCHMARKS_2019_2020.coalAbove300MW }],
        'half-up',
      ),
    ).toBe(2_631_000);
  });

  it('gas 1,000,000 MWh × 0.392 = 392,000 t; ≤300 MW coal 1,234,567 MWh × 0.979 = 1,208,641.093 → 1,208,641 (half-up) / 1,208,642 (ceil)', () => {
    expect(
      benchmarkAllocation([{ output: 1_000_000, benchmark: POWER_BENCHMARKS_2019_2020.gas }], 'half-up'),
    ).toBe(392_000);
    const line = [{ output: 1_234_567, benchmark: POWER_BENCHMARKS_2019_2020.coalUpTo300MW }];
    expect(benchmarkAllocation(line, 'half-up')).toBe(1_208_641);
    expect(benchmarkAllocation(line, 'ceil')).toBe(1_208_642);
    expect(POWER_BENCHMARKS_2019_2020.unconventionalCoal).toBe(1146);
  });

  it('power plus heat with a 0.99 correction: (3,000,000 × 0.877 + 500,000 GJ × 0.126) × … rounded once', () => {
    const lines = [
      {
        output: 3_000_000,
        benchmark: POWER_BENCHMARKS_2019_2020.coalAbove300MW,
        corrections: [rational(99, 100)],
      },
      { output: 500_000, benchmark: HEAT_BENCHMARKS_2019_2020.coal },
    ];
    expect(benchmarkAllocation(lines, 'half-up')).toBe(2_604_690 + 63_000);
  });

  it('70 % pre-allocation on base-year output, then true-up after verification', () => {
    const correction = [rational(99, 100)];
    const base = benchmarkAllocation(
      [{ output: 3_000_000, benchmark: 877, corrections: correction }],
      'half-up',
    );
    expect(base).toBe(2_604_690);
    const pre = preAllocation(base);
    expect(pre).toBe(1_823_283);
    const final = benchmarkAllocation(
      [{ output: 3_100_000, benchmark: 877, corrections: correction }],
      'half-up',
    );
    expect(final).toBe(2_691_513);
    expect(trueUp(final, pre)).toEqual({
      finalEntitlement: 2_691_513,
      preAllocated: 1_823_283,
      adjustment: 868_230,
      direction: 'issue',
    });
    expect(trueUp(1_000_000, pre).direction).toBe('return');
  });
});

describe('grandfathering', () => {
  it('historic maximum 135,000 × 95.87 % = 129,424.5 → 129,425 half-up, 129,424 half-even', () => {
    const input = { historicEmissions: [120_000, 135_000, 128_000], basis: 'max', factorBp: 9587 } as const;
    expect(grandfatheringAllocation(input, 'half-up')).toBe(129_425);
    expect(grandfatheringAllocation(input, 'half-even')).toBe(129_424);
  });
  it('historic average 383,000 / 3 = 127,666.67 → 127,667', () => {
    expect(
      grandfatheringAllocation(
        { historicEmissions: [120_000, 135_000, 128_000], basis: 'average', factorBp: 10_000 },
        'half-up',
      ),
    ).toBe(127_667);
  });
});
