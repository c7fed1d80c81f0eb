import type { LedgerState } from '@app/ledger';
import type { AuctionState } from '../../shared/auction-records';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { LoadedRegistry } from '../../shared/registry-state';

export const auctionLockId = (auctionId: string): string => `auction:${auctionId}`;
export const ccrLockId = (auctionId: string): string => `auction:${auctionId}:ccr`;

export function scheduledAuction(registry: LoadedRegistry, auctionId: string): AuctionState {
  const auction = registry.records.auctionBook.auctions[auctionId];
  if (!auction)
    throw new RegistryError(REGISTRY_ERRORS.UNKNOWN_AUCTION, `no scheduled auction ${auctionId}`, {
      field: 'id',
      auctionId,
    });
  return auction;
}

/** Guarantees and bids are taken only while the auction is open. */
export function openAuction(registry: LoadedRegistry, auctionId: string): AuctionState {
  const auction = scheduledAuction(registry, auctionId);
  if (auction.status !== 'open')
    throw new RegistryError(
      REGISTRY_ERRORS.AUCTION_STATUS_CONFLICT,
      `auction ${auctionId} is ${auction.status}, not open`,
      { field: 'id', auctionId, status: auction.status },
    );
  return auction;
}

/** A bidder is an enterprise holding account of this registry: where its units will be delivered. */
export function requireBidderAccount(ledger: LedgerState, bidderId: string): void {
  const account = ledger.accounts[bidderId];
  if (account?.accountType !== 'ENTERPRISE_HOLDING')
    throw new RegistryError(
      REGISTRY_ERRORS.UNKNOWN_BIDDER,
      `${bidderId} is not an enterprise holding account of this registry`,
      { field: 'bidderId', bidderId },
    );
}
