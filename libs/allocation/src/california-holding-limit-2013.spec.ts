import { holdingLimit } from './holding-limit';

// California 2013: 0.1 × 25,000,000 + 0.025 × (162,800,000 − 25,000,000) = 5,945,000.
describe('California holding limit 2013', () => {
  it('budget 162,800,000 → 5,945,000', () => {
    expect(holdingLimit(162_800_000)).toBe(5_945_000);
  });
  it('a budget below the 25 M base takes 10 % only', () => {
    expect(holdingLimit(20_000_000)).toBe(2_000_000);
  });
});
