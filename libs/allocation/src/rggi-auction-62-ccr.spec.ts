import { clearWithCostContainment, clearWithEmissionsContainment } from './cost-containment';
import type { Bid } from './auction-types';

// RGGI auction 62 (Dec 2023) cleared exactly at the 2023 CCR trigger $14.88 and sold
// 5,565,291 allowances from the cost-containment reserve. The bid book below is synthetic
// (lot of 1 so the published CCR quantity is reachable); the price and CCR sale are published.
describe('RGGI auction 62: cost-containment reserve release at the $14.88 trigger', () => {
  const base = 15_000_000;
  const bids: Bid[] = [
    { bidId: 'a', bidderId: 'A', priceFen: 1600, quantity: 8_000_000 },
    { bidId: 'b', bidderId: 'B', priceFen: 1520, quantity: 7_000_000 },
    { bidId: 'c', bidderId: 'C', priceFen: 1488, quantity: 5_565_291 },
    { bidId: 'd', bidderId: 'D', priceFen: 1400, quantity: 3_000_000 },
  ];
  const rules = {
    supply: base,
    lotSize: 1,
    reservePriceFen: 256,
    tieBreak: { kind: 'seeded-random', seed: 62 },
    undersubscribed: 'clear-at-reserve',
  } as const;

  it('releases 5,565,291 from the reserve and clears at 14.88', () => {
    const r = clearWithCostContainment(rules, bids, { triggerFen: 1488, available: 8_000_000 });
    expect(r.ccrReleased).toBe(5_565_291);
    expect(r.ccrRemaining).toBe(2_434_709);
    expect(r.auction.clearingPriceFen).toBe(1488);
    expect(r.auction.sold).toBe(base + 5_565_291);
  });

  it('without a reserve the same book clears above the trigger', () => {
    const r = clearWithCostContainment(rules, bids, { triggerFen: 1488, available: 0 });
    expect(r.ccrReleased).toBe(0);
    expect(r.auction.clearingPriceFen).toBe(1520);
  });

  it('emissions-containment: withholds up to 10 % when demand at the $6.87 trigger is short', () => {
    const weak: Bid[] = [
      { bidId: 'x', bidderId: 'X', priceFen: 700, quantity: 900_000 },
      { bidId: 'y', bidderId: 'Y', priceFen: 500, quantity: 500_000 },
    ];
    const r = clearWithEmissionsContainment({ ...rules, supply: 1_000_000 }, weak, {
      triggerFen: 687,
      maxShareBp: 1000,
    });
    expect(r.withheld).toBe(100_000);
    expect(r.auction.supply).toBe(900_000);
    expect(r.auction.clearingPriceFen).toBe(700);
  });
});
