import type { TransferState } from '../cross-province-records';

/** `GET /cross-province-transfers?status=`: one status, or `all`. */
export const TRANSFER_FILTERS = ['pending', 'departed', 'completed', 'rejected', 'expired', 'all'] as const;
export type TransferFilter = (typeof TRANSFER_FILTERS)[number];

export interface TransferScope {
  /** As seller's or buyer's registry. */
  registry?: string;
  /** A regulator's province: only transfers touching it. */
  province?: string;
  /** As seller or buyer. */
  accountId?: string;
}

/** Whether a transfer is listed under the filter and the scope (pure). */
export function listedTransfer(t: TransferState, filter: TransferFilter, scope: TransferScope): boolean {
  const { from, to, sellerAccountId, buyerAccountId } = t.request;
  const touches = (j: string | undefined) => j === undefined || from === j || to === j;
  return (
    touches(scope.registry) &&
    touches(scope.province) &&
    (scope.accountId === undefined ||
      sellerAccountId === scope.accountId ||
      buyerAccountId === scope.accountId) &&
    (filter === 'all' || t.status === filter)
  );
}
