export interface Bid {
  readonly bidId: string;
  readonly bidderId: string;
  /** Price per unit in fen/cents. */
  readonly priceFen: number;
  /** Units; must be a multiple of the lot. */
  readonly quantity: number;
}

export type TieBreak =
  /** Bidders ordered by a seeded shuffle fixed before the auction; each marginal bid filled in that order. */
  | { readonly kind: 'seeded-random'; readonly seed: number }
  /** Marginal bids share the remaining lots pro rata; leftover lots by largest remainder, ties by seeded order. */
  | { readonly kind: 'pro-rata'; readonly seed: number };

export interface AuctionRules {
  /** Units offered; a multiple of the lot. */
  readonly supply: number;
  /** 500 (EU) or 1,000 (RGGI/WCI, default). */
  readonly lotSize: number;
  readonly reservePriceFen: number;
  /** Max share of the supply one bidder may win (RGGI 25 % = 2,500 bp). Excess trimmed from its lowest bids. */
  readonly maxBidderShareBp?: number;
  readonly tieBreak: TieBreak;
  /**
   * What happens when valid bids at or above the reserve are below the supply:
   * `cancel` (EU Art. 7(5)): nothing sold, the whole volume carried forward;
   * `clear-at-reserve` (RGGI/WCI): every valid bid wins at the reserve price, the rest carried forward.
   */
  readonly undersubscribed: 'cancel' | 'clear-at-reserve';
  /**
   * EU Art. 7(6): cancel when the clearing price would be significantly below the secondary
   * market (the threshold price is computed by the caller from its chosen method).
   */
  readonly cancelBelowPriceFen?: number;
  /**
   * Bidders admitted before the auction. When given, the seeded tie-break order is a shuffle of
   * this list (so it is fixed before any bid is seen) and bids from anyone else are rejected.
   */
  readonly registeredBidders?: readonly string[];
}

export type BidRejection =
  'AUCTION.BELOW_RESERVE' | 'AUCTION.NOT_LOT_MULTIPLE' | 'AUCTION.BAD_PRICE' | 'AUCTION.NOT_REGISTERED';

export interface BidResult {
  readonly bidId: string;
  readonly bidderId: string;
  readonly priceFen: number;
  readonly quantity: number;
  readonly awarded: number;
  /** Units trimmed by the per-bidder cap. */
  readonly trimmed: number;
  readonly rejection?: BidRejection;
}

export interface AuctionResult {
  readonly status: 'cleared' | 'cancelled';
  readonly supply: number;
  /** Uniform clearing price; undefined when cancelled. */
  readonly clearingPriceFen?: number;
  readonly sold: number;
  readonly unsold: number;
  /** Units carried forward to later auctions. */
  readonly carriedForward: number;
  /** Total quantity bid (all submitted bids). */
  readonly bidVolume: number;
  readonly bidders: number;
  readonly winners: number;
  /** bidVolume ÷ supply in bp, half-up (EEX 13 Nov 2023: 14,895 bp ≈ 1.49). */
  readonly coverageBp: number;
  readonly revenueFen: number;
  /** The fixed bidder order used for tie-breaks. */
  readonly tieOrder: readonly string[];
  readonly bids: readonly BidResult[];
  readonly awardsByBidder: Readonly<Record<string, number>>;
}
