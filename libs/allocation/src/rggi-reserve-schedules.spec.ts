import { mulDiv } from '@app/domain';
import {
  escalationSchedule,
  rggiReservePrice,
  RGGI_CONTAINMENT_ESCALATION_BP,
  RGGI_RESERVE_ESCALATION_BP,
  wciReservePrice,
} from './reserve-price';

const prices = (s: { priceFen: number }[]) => s.map((e) => e.priceFen);

// RGGI schedules, rounded to the cent every year.
describe('RGGI reserve schedules', () => {
  it('cost-containment trigger +7 %/yr: 13.00 → 13.91 → 14.88 (2023) → 15.92 → 17.03', () => {
    const s = escalationSchedule(2021, 1300, 4, RGGI_CONTAINMENT_ESCALATION_BP);
    expect(prices(s)).toEqual([1300, 1391, 1488, 1592, 1703]);
    expect(s[2]).toEqual({ year: 2023, priceFen: 1488 });
  });

  it('emissions-containment trigger +7 %/yr: 6.00 → 6.42 → 6.87 (2023)', () => {
    expect(prices(escalationSchedule(2021, 600, 2, RGGI_CONTAINMENT_ESCALATION_BP))).toEqual([600, 642, 687]);
  });

  it('reserve price +2.5 %/yr: 2.38 → 2.44 → 2.50 → 2.56 (2024)', () => {
    const s = escalationSchedule(2021, 238, 3, RGGI_RESERVE_ESCALATION_BP);
    expect(prices(s)).toEqual([238, 244, 250, 256]);
    expect(rggiReservePrice(250)).toBe(256);
  });

  it('rounding each year matters: 13.00 × 1.07⁴ = 17.0403… rounds once to 17.04, the published schedule says 17.03', () => {
    expect(mulDiv(1300, 107 ** 4, 100 ** 4, 'half-up')).toBe(1704);
    expect(prices(escalationSchedule(2021, 1300, 4, 700)).at(-1)).toBe(1703);
  });
});

describe('WCI reserve price: prev × (1 + 5 % + CPI), rounded to the cent', () => {
  it('10.00 with CPI 2.1 % → 10.71', () => {
    expect(wciReservePrice(1000, 210)).toBe(1071);
  });
});
