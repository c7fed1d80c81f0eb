import { capForYear, capTrajectory } from './cap';

describe('cap trajectories', () => {
  it('Chongqing-style annual decline 4.13 %/yr compounds and rounds each year: 100,000,000 → 95,870,000 → 91,910,569', () => {
    const rule = {
      kind: 'annual-decline',
      baseYear: 2021,
      baseCap: 100_000_000,
      declineBp: 413,
      rounding: 'floor',
    } as const;
    expect(capTrajectory(rule, 2021, 2023).map((c) => c.cap)).toEqual([100_000_000, 95_870_000, 91_910_569]);
  });

  it('RGGI-style absolute decline of 2,275,000/yr', () => {
    const rule = {
      kind: 'absolute-decline',
      baseYear: 2021,
      baseCap: 100_000_000,
      declinePerYear: 2_275_000,
    } as const;
    expect(capForYear(rule, 2030)).toBe(100_000_000 - 9 * 2_275_000);
  });

  it('EU-style linear reduction factor stepping from 2.2 % to 4.3 % in 2024 on a 1,000,000 reference', () => {
    const rule = {
      kind: 'linear-reduction',
      baseYear: 2020,
      baseCap: 1_000_000,
      referenceQuantity: 1_000_000,
      lrf: [
        { fromYear: 2021, bp: 220 },
        { fromYear: 2024, bp: 430 },
        { fromYear: 2028, bp: 440 },
      ],
      rounding: 'half-up',
    } as const;
    expect(capTrajectory(rule, 2020, 2024).map((c) => c.cap)).toEqual([
      1_000_000, 978_000, 956_000, 934_000, 891_000,
    ]);
  });

  it('absolute caps: unknown years are rejected with ALLOCATION.UNKNOWN_YEAR', () => {
    const rule = { kind: 'absolute', caps: { 2024: 5_000 } } as const;
    expect(capForYear(rule, 2024)).toBe(5_000);
    expect(() => capForYear(rule, 2025)).toThrow('ALLOCATION.UNKNOWN_YEAR');
  });
});
