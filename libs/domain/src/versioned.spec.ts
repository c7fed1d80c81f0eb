import { effectiveOn } from './versioned';

describe('versioned parameters', () => {
  const lrf = [
    { effectiveFrom: '2021-01-01', value: 220 },
    { effectiveFrom: '2024-01-01', value: 430 },
    { effectiveFrom: '2028-01-01', value: 440 },
  ];
  it('picks the value in force on a date', () => {
    expect(effectiveOn(lrf, '2023-12-31')).toBe(220);
    expect(effectiveOn(lrf, '2024-01-01')).toBe(430);
    expect(effectiveOn(lrf, '2030-06-30')).toBe(440);
  });
  it('throws before the first version or on a bad date', () => {
    expect(() => effectiveOn(lrf, '2020-12-31')).toThrow('DOMAIN.INVALID_ARGUMENT');
    expect(() => effectiveOn(lrf, '2024/01/01')).toThrow('DOMAIN.INVALID_ARGUMENT');
  });
});
