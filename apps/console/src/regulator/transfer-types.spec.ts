import { sideToDecide, type CrossProvinceTransfer } from './transfer-types';

const transfer = (over: Partial<CrossProvinceTransfer> = {}): CrossProvinceTransfer => ({
  transferId: 'xp-1',
  status: 'pending',
  request: {
    from: 'CQ',
    to: 'SC',
    sellerAccountId: 'cq-chem-01',
    buyerAccountId: 'sc-paper-02',
    kind: 'POLLUTANT_SO2',
    vintage: 2025,
    quantity: 40,
    priceFen: 2_100_000,
    totalFen: 84_000_000,
    requestedAt: '2026-11-25T01:00:00.000Z',
    expiresAt: '2026-12-02T01:00:00.000Z',
  },
  ...over,
});
const decided = { regulator: 'CQ-EEB', decision: 'approved' as const, at: '2026-11-25T02:00:00.000Z' };

describe('sideToDecide', () => {
  it("gives the seller's province the outflow and the buyer's the inflow while pending", () => {
    expect(sideToDecide(transfer(), 'CQ')).toBe('outflow');
    expect(sideToDecide(transfer(), 'SC')).toBe('inflow');
  });

  it('gives nothing once the side is decided or the transfer is no longer pending', () => {
    expect(sideToDecide(transfer({ outflow: decided }), 'CQ')).toBeUndefined();
    expect(sideToDecide(transfer({ outflow: decided }), 'SC')).toBe('inflow');
    for (const status of ['rejected', 'expired', 'departed', 'completed'] as const)
      expect(sideToDecide(transfer({ status }), 'SC')).toBeUndefined();
  });
});
