import { apcrFixedPriceSale, apcrSaleHeld } from './apcr';

// Illustrative tier prices and sizes (not published figures); the 60 % trigger is from MARKET-RULES.md.
describe('WCI APCR fixed-price sale', () => {
  it('is held when the last settlement is at least 60 % of the lowest tier ($30.00 vs $50.00)', () => {
    expect(apcrSaleHeld(3_000, 5_000)).toBe(true);
    expect(apcrSaleHeld(2_999, 5_000)).toBe(false);
  });

  it('fills each tier at its price, pro rata when oversubscribed', () => {
    const fills = apcrFixedPriceSale(
      [
        { tierId: 'T1', priceFen: 5_000, available: 1_000 },
        { tierId: 'T2', priceFen: 6_000, available: 10_000 },
      ],
      [
        { requestId: 'a', tierId: 'T1', quantity: 900 },
        { requestId: 'b', tierId: 'T1', quantity: 600 },
        { requestId: 'c', tierId: 'T2', quantity: 2_000 },
      ],
    );
    expect(fills.map((f) => [f.requestId, f.filled, f.costFen])).toEqual([
      ['a', 600, 3_000_000],
      ['b', 400, 2_000_000],
      ['c', 2_000, 12_000_000],
    ]);
  });
});
