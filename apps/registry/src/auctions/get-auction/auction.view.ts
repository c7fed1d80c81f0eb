import type { AuctionResult } from '@app/allocation';
import { mulDiv, ratioBp } from '@app/domain';
import type { AuctionState, GuaranteeAccount, ScheduledAuctionRules } from '../../shared/auction-records';
import type { RegistryRecords } from '../../shared/registry-records';

export interface AuctionResultView {
  readonly status: AuctionResult['status'];
  readonly clearingPriceFen?: number;
  readonly offered: number;
  readonly sold: number;
  readonly bidVolume: number;
  readonly bids: number;
  readonly bidders: number;
  readonly winners: number;
  /** Bid volume ÷ units offered, in bp and as the published two-decimal ratio. */
  readonly coverageBp: number;
  readonly coverageRatio: string;
  readonly revenueFen: number;
  readonly toReserve: number;
  readonly carriedForward: number;
  readonly ccrReleased: number;
  /** Every bid with its award, published once the auction is over (sealed before). */
  readonly bidResults: AuctionResult['bids'];
  readonly reason?: string;
}

export interface AuctionView {
  readonly auctionId: string;
  readonly status: AuctionState['status'];
  readonly kind: string;
  readonly vintage: number;
  readonly auctionDate: string;
  readonly rules: ScheduledAuctionRules;
  readonly carriedIn: number;
  /** Sealed bidding: only counts while open. */
  readonly bidsReceived: number;
  readonly biddersRegistered: number;
  readonly guarantees: Readonly<Record<string, GuaranteeAccount>>;
  readonly result?: AuctionResultView;
}

const ratio = (bp: number): string => {
  const hundredths = mulDiv(bp, 1, 100, 'half-up');
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};

export function auctionView(records: RegistryRecords, auction: AuctionState): AuctionView {
  const s = auction.scheduled;
  const settled = auction.settled;
  const cleared = records.auctions[s.auctionId]?.result;
  const bidVolume = auction.bids.reduce((sum, b) => sum + b.quantity, 0);
  const offered = s.rules.supply + (settled?.ccrReleased ?? 0);
  const coverageBp = cleared?.coverageBp ?? (offered === 0 ? 0 : ratioBp(bidVolume, offered, 'half-up'));
  return {
    auctionId: s.auctionId,
    status: auction.status,
    kind: s.kind,
    vintage: s.vintage,
    auctionDate: s.auctionDate,
    rules: s.rules,
    carriedIn: s.carriedIn,
    bidsReceived: auction.bids.length,
    biddersRegistered: Object.keys(auction.guarantees).length,
    guarantees: auction.guarantees,
    ...(settled
      ? {
          result: {
            status: settled.status,
            ...(cleared?.clearingPriceFen !== undefined && settled.status === 'cleared'
              ? { clearingPriceFen: cleared.clearingPriceFen }
              : {}),
            offered,
            sold: settled.settlements.reduce((sum, x) => sum + x.awarded, 0),
            bidVolume,
            bids: auction.bids.length,
            bidders: new Set(auction.bids.map((b) => b.bidderId)).size,
            winners: settled.settlements.filter((x) => x.awarded > 0).length,
            coverageBp,
            coverageRatio: ratio(coverageBp),
            revenueFen: settled.revenueFen,
            toReserve: settled.toReserve,
            carriedForward: settled.carriedForward,
            ccrReleased: settled.ccrReleased,
            bidResults: cleared?.bids ?? [],
            ...(settled.reason !== undefined ? { reason: settled.reason } : {}),
          },
        }
      : {}),
  };
}
