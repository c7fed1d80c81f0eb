import fc from 'fast-check';
import { herfindahlIndex, volumeWeightedPrice } from './concentration';

describe('herfindahlIndex', () => {
  it('is 10,000 for one member, 5,000 for two equal ones, 2,500 for four', () => {
    expect(herfindahlIndex([700])).toBe(10_000);
    expect(herfindahlIndex([300, 300])).toBe(5_000);
    expect(herfindahlIndex([5, 5, 5, 5])).toBe(2_500);
  });

  it('worked example: shares 50 %, 30 %, 20 % → 2,500 + 900 + 400 = 3,800', () => {
    expect(herfindahlIndex([500, 300, 200])).toBe(3_800);
  });

  it('is 0 with no volume, and stays between 10,000 / n and 10,000', () => {
    expect(herfindahlIndex([])).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 50 }), (volumes) => {
        const hhi = herfindahlIndex(volumes);
        return hhi <= 10_000 && hhi >= Math.floor(10_000 / volumes.length);
      }),
    );
  });
});

describe('volumeWeightedPrice', () => {
  it('rounds half up to the fen', () => {
    // (3600 × 100 + 3650 × 100) / 200 = 3625; (3600 + 3601) / 2 = 3600.5 → 3601
    expect(volumeWeightedPrice(725_000n, 200n)).toBe(3625);
    expect(volumeWeightedPrice(7_201n, 2n)).toBe(3601);
    expect(volumeWeightedPrice(0n, 0n)).toBeUndefined();
  });
});
