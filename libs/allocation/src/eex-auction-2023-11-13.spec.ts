import { formatMoney, parseMoney } from '@app/domain';
import { auctionStatistics, clearAuction } from './auction-clearing';
import type { Bid } from './auction-types';

// EEX EUA auction, 13 Nov 2023: clearing €77.01, volume 3,035,500, bids 4,521,500 t,
// cover 1.49, revenue €233,763,855; 19 bidders, 15 winners. Lots of 500.
describe('EEX EUA auction 13 Nov 2023', () => {
  it('published statistics: cover 1.49 (14,895 bp), revenue €233,763,855.00', () => {
    const s = auctionStatistics(parseMoney('77.01'), 3_035_500, 4_521_500);
    expect(s.coverHundredths).toBe(149);
    expect(s.coverageBp).toBe(14_895);
    expect(formatMoney(s.revenueFen)).toBe('233763855.00');
  });

  it('a bid book of 19 bidders reproduces the clearing: 15 winners at €77.01 selling 3,035,500', () => {
    const bids: Bid[] = [];
    // 14 bidders above the clearing price, 200,000 t each at €78.00 … €77.35.
    for (let i = 0; i < 14; i++)
      bids.push({ bidId: `w${i}`, bidderId: `W${i}`, priceFen: 7800 - 5 * i, quantity: 200_000 });
    // The marginal bidder at €77.01 is partly filled: 3,035,500 − 2,800,000 = 235,500.
    bids.push({ bidId: 'm', bidderId: 'M', priceFen: 7701, quantity: 300_000 });
    // Four bidders below: 1,421,500 t unfilled.
    bids.push({ bidId: 'l0', bidderId: 'L0', priceFen: 7700, quantity: 355_000 });
    bids.push({ bidId: 'l1', bidderId: 'L1', priceFen: 7690, quantity: 355_000 });
    bids.push({ bidId: 'l2', bidderId: 'L2', priceFen: 7650, quantity: 355_000 });
    bids.push({ bidId: 'l3', bidderId: 'L3', priceFen: 7600, quantity: 356_500 });

    const r = clearAuction(
      {
        supply: 3_035_500,
        lotSize: 500,
        reservePriceFen: 0,
        tieBreak: { kind: 'pro-rata', seed: 20231113 },
        undersubscribed: 'cancel',
      },
      bids,
    );
    expect(r.status).toBe('cleared');
    expect(r.clearingPriceFen).toBe(7701);
    expect(r.sold).toBe(3_035_500);
    expect(r.bidVolume).toBe(4_521_500);
    expect(r.bidders).toBe(19);
    expect(r.winners).toBe(15);
    expect(r.coverageBp).toBe(14_895);
    expect(r.revenueFen).toBe(23_376_385_500);
    expect(r.awardsByBidder['M']).toBe(235_500);
  });
});
