import type { AuctionResult, Bid, TieBreak } from '@app/allocation';
import type { InstrumentKind } from '@app/domain';
import { withEntries } from '@app/domain';

/** The rules of a scheduled auction, fixed (with the tie-break seed) before any bid is seen. */
export interface ScheduledAuctionRules {
  /** Units offered, including any volume carried forward from cancelled auctions. */
  readonly supply: number;
  readonly lotSize: number;
  readonly reservePriceFen: number;
  readonly maxBidderShareBp?: number;
  readonly tieBreak: TieBreak;
  readonly undersubscribed: 'cancel' | 'clear-at-reserve';
  readonly cancelBelowPriceFen?: number;
  /** EU Art. 7(6): cancel when clearing below this share (bp) of the secondary price given at clearing. */
  readonly cancelBelowSecondaryBp?: number;
  /** RGGI-style cost-containment reserve: units released from the reserve account at this price. */
  readonly costContainment?: { readonly triggerFen: number; readonly available: number };
}

export interface AuctionScheduled {
  readonly type: 'AuctionScheduled';
  readonly commandId: string;
  readonly auctionId: string;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  /** ISO date of the auction; its year picks the escalated reserve price. */
  readonly auctionDate: string;
  readonly rules: ScheduledAuctionRules;
  /** Part of `supply` taken from the carried-forward pool of this kind and vintage. */
  readonly carriedIn: number;
  /** The ledger lock holding the offered units in the auction account until clearing. */
  readonly lockId: string;
}

/** Cash posted by a bidder to cover its bids (held by the registry's auction cash account). */
export interface BidGuaranteePosted {
  readonly type: 'BidGuaranteePosted';
  readonly commandId: string;
  readonly auctionId: string;
  readonly bidderId: string;
  readonly amountFen: number;
}

export interface BidSubmitted {
  readonly type: 'BidSubmitted';
  readonly commandId: string;
  readonly auctionId: string;
  readonly bid: Bid;
  /** Cash reserved against the bidder's guarantee: the bid's maximum value, price × quantity. */
  readonly reservedFen: number;
}

export interface BidderSettlement {
  readonly bidderId: string;
  readonly awarded: number;
  /** Clearing price × units awarded, taken from the guarantee. */
  readonly paidFen: number;
  /** The rest of the guarantee, returned to the bidder. */
  readonly releasedFen: number;
}

/** Cash and units after the result: payments, releases, where unsold and carried units went. */
export interface AuctionSettled {
  readonly type: 'AuctionSettled';
  readonly commandId: string;
  readonly auctionId: string;
  readonly status: AuctionResult['status'];
  readonly settlements: readonly BidderSettlement[];
  readonly revenueFen: number;
  /** Unsold units of a cleared auction, moved to the reserve account. */
  readonly toReserve: number;
  /** The volume of a cancelled auction, left in the auction account for later auctions. */
  readonly carriedForward: number;
  /** Units released from the cost-containment reserve into this auction. */
  readonly ccrReleased: number;
  /** The secondary-market price the regulator gave at clearing, when the rules compare with it. */
  readonly secondaryPriceFen?: number;
  readonly reason?: string;
}

export type AuctionRecordEvent = AuctionScheduled | BidGuaranteePosted | BidSubmitted | AuctionSettled;

export interface GuaranteeAccount {
  readonly postedFen: number;
  readonly reservedFen: number;
  readonly paidFen: number;
  readonly releasedFen: number;
}

export interface AuctionState {
  readonly scheduled: AuctionScheduled;
  readonly status: 'open' | 'cleared' | 'cancelled';
  readonly guarantees: Readonly<Record<string, GuaranteeAccount>>;
  readonly bids: readonly Bid[];
  readonly settled?: AuctionSettled;
}

export const NO_GUARANTEE: GuaranteeAccount = { postedFen: 0, reservedFen: 0, paidFen: 0, releasedFen: 0 };

/** Cash a bidder can still commit to new bids. */
export const freeGuaranteeFen = (g: GuaranteeAccount): number =>
  g.postedFen - g.reservedFen - g.paidFen - g.releasedFen;

export const poolKey = (kind: InstrumentKind, vintage: number): string => `${kind}|${vintage}`;

export interface AuctionBook {
  readonly auctions: Readonly<Record<string, AuctionState>>;
  /** Volume of cancelled auctions waiting for a later auction, per `kind|vintage`. */
  readonly carriedForward: Readonly<Record<string, number>>;
}

export const EMPTY_AUCTION_BOOK: AuctionBook = { auctions: {}, carriedForward: {} };

export function evolveAuctionBook(book: AuctionBook, event: AuctionRecordEvent): AuctionBook {
  if (event.type === 'AuctionScheduled') {
    const key = poolKey(event.kind, event.vintage);
    return {
      auctions: withEntries(book.auctions, {
        [event.auctionId]: { scheduled: event, status: 'open', guarantees: {}, bids: [] },
      }),
      carriedForward: { ...book.carriedForward, [key]: (book.carriedForward[key] ?? 0) - event.carriedIn },
    };
  }
  const auction = book.auctions[event.auctionId];
  if (!auction) return book;
  const put = (next: AuctionState, carriedForward = book.carriedForward): AuctionBook => ({
    auctions: withEntries(book.auctions, { [event.auctionId]: next }),
    carriedForward,
  });
  const account = (bidderId: string): GuaranteeAccount => auction.guarantees[bidderId] ?? NO_GUARANTEE;
  switch (event.type) {
    case 'BidGuaranteePosted': {
      const g = account(event.bidderId);
      return put({
        ...auction,
        guarantees: {
          ...auction.guarantees,
          [event.bidderId]: { ...g, postedFen: g.postedFen + event.amountFen },
        },
      });
    }
    case 'BidSubmitted': {
      const g = account(event.bid.bidderId);
      return put({
        ...auction,
        bids: [...auction.bids, event.bid],
        guarantees: {
          ...auction.guarantees,
          [event.bid.bidderId]: { ...g, reservedFen: g.reservedFen + event.reservedFen },
        },
      });
    }
    case 'AuctionSettled': {
      const guarantees = { ...auction.guarantees };
      for (const s of event.settlements)
        guarantees[s.bidderId] = {
          ...account(s.bidderId),
          reservedFen: 0,
          paidFen: account(s.bidderId).paidFen + s.paidFen,
          releasedFen: account(s.bidderId).releasedFen + s.releasedFen,
        };
      const key = poolKey(auction.scheduled.kind, auction.scheduled.vintage);
      return put(
        { ...auction, status: event.status, guarantees, settled: event },
        {
          ...book.carriedForward,
          [key]: (book.carriedForward[key] ?? 0) + event.carriedForward,
        },
      );
    }
  }
}
