/** `GET /cross-province-transfers` (registry): one transfer as `GET /cross-province-transfers/{id}` gives it. */
export interface TransferDecision {
  regulator: string;
  decision: 'approved' | 'rejected';
  reason?: string;
  at: string;
}

export interface CrossProvinceTransfer {
  transferId: string;
  status: 'pending' | 'rejected' | 'expired' | 'departed' | 'completed';
  request: {
    from: 'CQ' | 'SC';
    to: 'CQ' | 'SC';
    sellerAccountId: string;
    buyerAccountId: string;
    kind: string;
    vintage?: number;
    quantity: number;
    priceFen: number;
    totalFen: number;
    requestedAt: string;
    expiresAt: string;
  };
  outflow?: TransferDecision;
  inflow?: TransferDecision;
}

export type TransferSide = 'outflow' | 'inflow';

/**
 * The side a province's regulator decides: the outflow when the seller is in its province, the
 * inflow when the buyer is; undefined once decided or no longer pending.
 */
export function sideToDecide(t: CrossProvinceTransfer, province: string): TransferSide | undefined {
  if (t.status !== 'pending') return undefined;
  if (t.request.from === province && !t.outflow) return 'outflow';
  if (t.request.to === province && !t.inflow) return 'inflow';
  return undefined;
}
