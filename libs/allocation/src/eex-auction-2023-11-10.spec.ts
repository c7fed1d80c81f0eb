import { formatMoney, parseMoney } from '@app/domain';
import { auctionStatistics, clearAuction } from './auction-clearing';
import type { Bid } from './auction-types';

// EEX EUA auction, 10 Nov 2023: clearing €76.46, volume 2,147,000, bids 3,955,500 t → cover 1.84, revenue €164,159,620.
describe('EEX EUA auction 10 Nov 2023', () => {
  it('published statistics: cover 1.84 (18,423 bp), revenue €164,159,620.00', () => {
    const s = auctionStatistics(parseMoney('76.46'), 2_147_000, 3_955_500);
    expect(s.coverHundredths).toBe(184);
    expect(s.coverageBp).toBe(18_423);
    expect(formatMoney(s.revenueFen)).toBe('164159620.00');
  });

  it('clears a consistent bid book at €76.46 with revenue €164,159,620.00', () => {
    const bids: Bid[] = [];
    for (let i = 0; i < 10; i++)
      bids.push({ bidId: `w${i}`, bidderId: `W${i}`, priceFen: 7700 - 3 * i, quantity: 200_000 });
    bids.push({ bidId: 'm1', bidderId: 'M1', priceFen: 7646, quantity: 100_000 });
    bids.push({ bidId: 'm2', bidderId: 'M2', priceFen: 7646, quantity: 100_000 });
    bids.push({ bidId: 'l', bidderId: 'L', priceFen: 7600, quantity: 1_755_500 });
    const r = clearAuction(
      {
        supply: 2_147_000,
        lotSize: 500,
        reservePriceFen: 0,
        tieBreak: { kind: 'pro-rata', seed: 20231110 },
        undersubscribed: 'cancel',
      },
      bids,
    );
    expect(r.clearingPriceFen).toBe(7646);
    expect(r.sold).toBe(2_147_000);
    expect(r.bidVolume).toBe(3_955_500);
    expect(r.coverageBp).toBe(18_423);
    expect(formatMoney(r.revenueFen)).toBe('164159620.00');
    // The marginal 147,000 split pro rata by lot between two equal bids: 294 lots → 147 each.
    expect(r.awardsByBidder['M1']).toBe(73_500);
    expect(r.awardsByBidder['M2']).toBe(73_500);
  });
});
