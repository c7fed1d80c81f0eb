import fc from 'fast-check';
import { checkPrice, priceBand } from './price-band';

describe('price bands: reference ± bp, rounded inward to the tick', () => {
  it('CQEA reference 97.49, ±10 %, tick 0.01 → [87.75, 107.23] (87.741 up, 107.239 down)', () => {
    expect(priceBand(9_749, 1_000, 1)).toEqual({ lowerFen: 8_775, upperFen: 10_723 });
  });

  it('block trades ±30 % → [68.25, 126.73]', () => {
    expect(priceBand(9_749, 3_000, 1)).toEqual({ lowerFen: 6_825, upperFen: 12_673 });
  });

  it('COD right reference 15,123.45 CNY, ±10 %, tick CNY 1 → [13,612, 16,635]', () => {
    // 1,512,345 × 1.1 = 1,663,579.5 → 1,663,500; × 0.9 = 1,361,110.5 → 1,361,200
    expect(priceBand(1_512_345, 1_000, 100)).toEqual({ lowerFen: 1_361_200, upperFen: 1_663_500 });
  });

  it('a 100 % band keeps the lower limit at one tick', () => {
    expect(priceBand(500, 10_000, 1)).toEqual({ lowerFen: 1, upperFen: 1_000 });
  });

  it('checkPrice: off tick → PRICING.OFF_TICK, outside → PRICING.OUTSIDE_BAND, inside → the price', () => {
    const band = priceBand(1_512_345, 1_000, 100);
    expect(() => checkPrice(1_500_050, band, 100)).toThrow(
      expect.objectContaining({ code: 'PRICING.OFF_TICK' }),
    );
    expect(() => checkPrice(1_663_600, band, 100)).toThrow(
      expect.objectContaining({ code: 'PRICING.OUTSIDE_BAND' }),
    );
    expect(checkPrice(1_663_500, band, 100)).toBe(1_663_500);
  });

  it('property: limits are on tick, inside the percentage, and the tightest such limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 9_999 }),
        fc.constantFrom(1, 5, 10, 100),
        (ref, bp, tick) => {
          const { lowerFen, upperFen } = priceBand(ref, bp, tick);
          const hi = BigInt(ref) * BigInt(10_000 + bp);
          const lo = BigInt(ref) * BigInt(10_000 - bp);
          expect(upperFen % tick).toBe(0);
          expect(lowerFen % tick).toBe(0);
          expect(BigInt(upperFen) * 10_000n <= hi).toBe(true);
          expect(BigInt(upperFen + tick) * 10_000n > hi).toBe(true);
          if (lowerFen > tick) {
            expect(BigInt(lowerFen) * 10_000n >= lo).toBe(true);
            expect(BigInt(lowerFen - tick) * 10_000n < lo).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });
});
