import { clearAuction } from './auction-clearing';
import { redistributeUnsold } from './unsold-redistribution';

describe('unsold volume redistribution', () => {
  it('EU: a cancelled 3,000,000 auction is spread over the next 4 auctions, 750,000 each', () => {
    const r = redistributeUnsold(3_000_000, [2_000_000, 2_000_000, 2_000_000, 2_000_000, 2_000_000], {
      spreadOver: 4,
      lotSize: 500,
    });
    expect(r).toEqual({ volumes: [2_750_000, 2_750_000, 2_750_000, 2_750_000, 2_000_000], remaining: 0 });
  });

  it('5 lots over 4 auctions: the leftover lot goes to the earliest', () => {
    const r = redistributeUnsold(2_500, [1_000, 1_000, 1_000, 1_000], { spreadOver: 4, lotSize: 500 });
    expect(r.volumes).toEqual([2_000, 1_500, 1_500, 1_500]);
  });

  it('UK: each auction capped at 125 % of its planned volume; what does not fit stays', () => {
    const r = redistributeUnsold(3_000_000, [4_000_000, 4_000_000], {
      spreadOver: 4,
      capBp: 12_500,
      lotSize: 500,
    });
    expect(r).toEqual({ volumes: [5_000_000, 5_000_000], remaining: 1_000_000 });
  });
});

describe('EU Art. 7(6): cancel when the clearing price is significantly below the secondary market', () => {
  it('clearing at €60.00 with a €65.00 threshold cancels and carries the volume forward', () => {
    const r = clearAuction(
      {
        supply: 1_000,
        lotSize: 500,
        reservePriceFen: 0,
        tieBreak: { kind: 'pro-rata', seed: 1 },
        undersubscribed: 'cancel',
        cancelBelowPriceFen: 6_500,
      },
      [{ bidId: 'a', bidderId: 'A', priceFen: 6_000, quantity: 1_000 }],
    );
    expect(r).toEqual(expect.objectContaining({ status: 'cancelled', sold: 0, carriedForward: 1_000 }));
  });
});
