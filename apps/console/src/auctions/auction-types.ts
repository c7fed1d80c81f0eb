/** The registry's auction views (`GET /registries/{j}/auctions[/{id}]`), as the console reads them. */
export interface GuaranteeAccount {
  postedFen: number;
  reservedFen: number;
  paidFen: number;
  releasedFen: number;
}

export interface BidResult {
  bidId: string;
  bidderId: string;
  priceFen: number;
  quantity: number;
  awarded: number;
  trimmed: number;
  rejection?: string;
}

export interface AuctionResult {
  status: 'cleared' | 'cancelled';
  clearingPriceFen?: number;
  offered: number;
  sold: number;
  bidVolume: number;
  bids: number;
  bidders: number;
  winners: number;
  coverageBp: number;
  coverageRatio: string;
  revenueFen: number;
  toReserve: number;
  carriedForward: number;
  bidResults: BidResult[];
  reason?: string;
}

export interface Auction {
  auctionId: string;
  status: 'open' | 'cleared' | 'cancelled';
  kind: string;
  vintage: number;
  auctionDate: string;
  rules: {
    supply: number;
    lotSize: number;
    reservePriceFen: number;
    maxBidderShareBp?: number;
    undersubscribed: 'cancel' | 'clear-at-reserve';
  };
  carriedIn: number;
  /** Sealed bidding: only counts while open. */
  bidsReceived: number;
  biddersRegistered: number;
  guarantees: Record<string, GuaranteeAccount>;
  result?: AuctionResult;
}

/** Cash a bidder can still commit to new bids (the registry's own sum). */
export const freeGuaranteeFen = (g: GuaranteeAccount): number =>
  g.postedFen - g.reservedFen - g.paidFen - g.releasedFen;
