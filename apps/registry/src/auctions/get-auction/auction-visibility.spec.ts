import type { Principal } from '@app/domain';
import type { AuctionView } from './auction.view';
import { visibleAuction } from './auction-visibility';

const G = { postedFen: 100, reservedFen: 50, paidFen: 0, releasedFen: 0 };
const bid = (bidderId: string, awarded: number) => ({
  bidId: `${bidderId}-1`,
  bidderId,
  priceFen: 4000,
  quantity: 10,
  awarded,
});
const OPEN = {
  auctionId: 'CQ-2025-A1',
  status: 'open',
  guarantees: { 'cq-steel': G, 'cq-paper': G },
  bidsReceived: 2,
  biddersRegistered: 2,
} as unknown as AuctionView;
const CLEARED = {
  ...OPEN,
  status: 'cleared',
  result: {
    status: 'cleared',
    clearingPriceFen: 4000,
    sold: 20,
    bidResults: [bid('cq-steel', 10), bid('cq-paper', 10)],
  },
} as unknown as AuctionView;

const steel: Principal = {
  role: 'enterprise',
  id: 'steel-user',
  memberId: 'cq-steel',
  accountIds: ['cq-steel'],
};
const who: Record<string, Principal> = {
  cqRegulator: { role: 'regulator', id: 'regulator-cq', province: 'CQ' },
  scRegulator: { role: 'regulator', id: 'regulator-sc', province: 'SC' },
  admin: { role: 'admin', id: 'admin' },
  verifier: { role: 'verifier', id: 'v' },
  researcher: { role: 'researcher', id: 'r' },
  stranger: { role: 'enterprise', id: 'x', memberId: 'sc-power', accountIds: ['sc-power'] },
};

describe('an auction as each principal reads it', () => {
  it("shows the province's regulator and administrators every bidder", () => {
    for (const p of [who.cqRegulator, who.admin]) {
      expect(visibleAuction(OPEN, p, 'CQ')).toEqual(OPEN);
      expect(visibleAuction(CLEARED, p, 'CQ')).toEqual(CLEARED);
    }
  });

  it('shows an enterprise its own guarantee and bids only, before and after clearing', () => {
    expect(visibleAuction(OPEN, steel, 'CQ').guarantees).toEqual({ 'cq-steel': G });
    const cleared = visibleAuction(CLEARED, steel, 'CQ');
    expect(cleared.result?.bidResults).toEqual([bid('cq-steel', 10)]);
    // The public result stays whole.
    expect(cleared.result).toMatchObject({ clearingPriceFen: 4000, sold: 20 });
    expect(cleared.bidsReceived).toBe(2);
  });

  it("shows no bidder to another province's regulator, a verifier, a researcher or a stranger", () => {
    for (const p of [who.scRegulator, who.verifier, who.researcher, who.stranger]) {
      expect(visibleAuction(OPEN, p, 'CQ')).toMatchObject({ guarantees: {}, biddersRegistered: 2 });
      expect(visibleAuction(CLEARED, p, 'CQ').result).toMatchObject({ bidResults: [], sold: 20 });
    }
  });

  it('is whole without a principal (access not enforced)', () => {
    expect(visibleAuction(CLEARED, undefined, 'CQ')).toBe(CLEARED);
  });
});
