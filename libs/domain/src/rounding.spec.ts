import { applyBp, divRound, mulDiv, ratioBp } from './rounding';
import { DomainError } from './errors';

describe('named rounding rules', () => {
  it.each([
    [5n, 2n, 'half-up', 3n],
    [-5n, 2n, 'half-up', -3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-5n, 2n, 'half-even', -2n],
    [7n, 3n, 'floor', 2n],
    [-7n, 3n, 'floor', -3n],
    [7n, 3n, 'ceil', 3n],
    [-7n, 3n, 'ceil', -2n],
    [-7n, 3n, 'trunc', -2n],
    [8n, 3n, 'half-up', 3n],
    [7n, 3n, 'half-up', 2n],
    [6n, 3n, 'ceil', 2n],
  ] as const)('%s / %s %s = %s', (n, d, r, expected) => {
    expect(divRound(n, d, r)).toBe(expected);
  });

  it('applyBp: 24 % of 1,654,909,824 = 397,178,357.76 → 397,178,358 half-up', () => {
    expect(applyBp(1_654_909_824, 2400, 'half-up')).toBe(397_178_358);
    expect(applyBp(1_654_909_824, 2400, 'floor')).toBe(397_178_357);
  });

  it('mulDiv stays exact beyond 2^53 intermediate products', () => {
    expect(mulDiv(9_007_199_254_740_991, 3, 3, 'floor')).toBe(9_007_199_254_740_991);
  });

  it('throws DOMAIN.NOT_SAFE_INTEGER on floats and overflow', () => {
    expect(() => applyBp(1.5, 100, 'floor')).toThrow(DomainError);
    expect(() => mulDiv(Number.MAX_SAFE_INTEGER, 2, 1, 'floor')).toThrow('DOMAIN.NOT_SAFE_INTEGER');
  });

  it('throws on division by zero', () => {
    expect(() => mulDiv(1, 1, 0, 'floor')).toThrow('DOMAIN.DIVISION_BY_ZERO');
  });

  it('ratioBp: 4,521,500 / 3,035,500 = 14,895 bp', () => {
    expect(ratioBp(4_521_500, 3_035_500, 'half-up')).toBe(14_895);
  });
});
