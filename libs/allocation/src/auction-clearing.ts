import { apportion, mulberry32, mulDiv, ratioBp, seededShuffle } from '@app/domain';
import type { AuctionResult, AuctionRules, Bid, BidRejection, BidResult } from './auction-types';
import { ALLOCATION_ERRORS, AllocationError, requireBp, requireNonNegativeInt } from './errors';

interface Working {
  bid: Bid;
  eligible: number;
  trimmed: number;
  awarded: number;
  rejection?: BidRejection;
}

/** Uniform-price sealed-bid auction, cleared in lots at the lowest accepted bid that sells the supply. */
export function clearAuction(rules: AuctionRules, bids: readonly Bid[]): AuctionResult {
  const lot = requireNonNegativeInt(rules.lotSize, 'lotSize');
  const supply = requireNonNegativeInt(rules.supply, 'supply');
  if (lot === 0 || supply % lot !== 0) {
    throw new AllocationError(
      ALLOCATION_ERRORS.SUPPLY_NOT_LOT_MULTIPLE,
      `supply ${supply} is not a multiple of lot ${lot}`,
      { supply, lot },
    );
  }
  requireNonNegativeInt(rules.reservePriceFen, 'reservePriceFen');
  const ids = new Set<string>();
  for (const b of bids) {
    if (ids.has(b.bidId))
      throw new AllocationError(ALLOCATION_ERRORS.DUPLICATE_BID, `bid ${b.bidId} submitted twice`, {
        bidId: b.bidId,
      });
    ids.add(b.bidId);
  }
  // The tie-break order depends only on the seed and who registered, never on prices.
  const bidderIds = [...new Set(bids.map((b) => b.bidderId))].sort();
  const registered = rules.registeredBidders ? new Set(rules.registeredBidders) : undefined;
  const tieOrder = seededShuffle(
    registered ? [...registered].sort() : bidderIds,
    mulberry32(rules.tieBreak.seed),
  );
  const rank = new Map(tieOrder.map((id, i) => [id, i]));

  const work: Working[] = bids.map((bid) => ({
    bid,
    eligible: 0,
    trimmed: 0,
    awarded: 0,
    rejection: registered && !registered.has(bid.bidderId) ? 'AUCTION.NOT_REGISTERED' : validate(bid, rules),
  }));
  for (const w of work) if (!w.rejection) w.eligible = w.bid.quantity;

  // Highest price first; equal prices by tie order then bid id, so everything below is deterministic.
  const byPrice = work
    .filter((w) => !w.rejection)
    .sort(
      (a, b) =>
        b.bid.priceFen - a.bid.priceFen ||
        (rank.get(a.bid.bidderId) ?? 0) - (rank.get(b.bid.bidderId) ?? 0) ||
        cmp(a.bid.bidId, b.bid.bidId),
    );

  if (rules.maxBidderShareBp !== undefined) {
    const capQty =
      mulDiv(supply, requireBp(rules.maxBidderShareBp, 'maxBidderShareBp'), 10_000 * lot, 'floor') * lot;
    const used = new Map<string, number>();
    for (const w of byPrice) {
      const u = used.get(w.bid.bidderId) ?? 0;
      const allowed = Math.max(0, Math.min(w.eligible, capQty - u));
      w.trimmed = w.eligible - allowed;
      w.eligible = allowed;
      used.set(w.bid.bidderId, u + allowed);
    }
  }

  const demand = byPrice.reduce((s, w) => s + w.eligible, 0);
  let clearingPriceFen: number | undefined;
  let status: AuctionResult['status'] = 'cleared';
  if (demand < supply) {
    if (rules.undersubscribed === 'cancel' || demand === 0) {
      status = rules.undersubscribed === 'cancel' ? 'cancelled' : 'cleared';
    } else {
      clearingPriceFen = rules.reservePriceFen;
      for (const w of byPrice) w.awarded = w.eligible;
    }
  } else {
    clearingPriceFen = fillToSupply(byPrice, supply, lot, rules, tieOrder);
    if (rules.cancelBelowPriceFen !== undefined && clearingPriceFen < rules.cancelBelowPriceFen) {
      status = 'cancelled';
      clearingPriceFen = undefined;
      for (const w of byPrice) w.awarded = 0;
    }
  }

  const sold = work.reduce((s, w) => s + w.awarded, 0);
  const awardsByBidder: Record<string, number> = {};
  for (const w of work)
    if (w.awarded > 0) awardsByBidder[w.bid.bidderId] = (awardsByBidder[w.bid.bidderId] ?? 0) + w.awarded;
  const bidVolume = bids.reduce(
    (s, b) => s + (Number.isSafeInteger(b.quantity) && b.quantity > 0 ? b.quantity : 0),
    0,
  );
  return {
    status,
    supply,
    ...(clearingPriceFen !== undefined ? { clearingPriceFen } : {}),
    sold,
    unsold: supply - sold,
    carriedForward: supply - sold,
    bidVolume,
    bidders: bidderIds.length,
    winners: Object.keys(awardsByBidder).length,
    coverageBp: supply === 0 ? 0 : ratioBp(bidVolume, supply, 'half-up'),
    revenueFen: clearingPriceFen === undefined ? 0 : mulDiv(clearingPriceFen, sold, 1, 'trunc'),
    tieOrder,
    bids: work.map(toResult),
    awardsByBidder,
  };
}

function validate(bid: Bid, rules: AuctionRules): BidRejection | undefined {
  if (!Number.isSafeInteger(bid.priceFen) || bid.priceFen < 0) return 'AUCTION.BAD_PRICE';
  if (!Number.isSafeInteger(bid.quantity) || bid.quantity <= 0 || bid.quantity % rules.lotSize !== 0)
    return 'AUCTION.NOT_LOT_MULTIPLE';
  if (bid.priceFen < rules.reservePriceFen) return 'AUCTION.BELOW_RESERVE';
  return undefined;
}

/** Award every bid above the marginal price in full and split the marginal price level by the tie rule. */
function fillToSupply(
  byPrice: Working[],
  supply: number,
  lot: number,
  rules: AuctionRules,
  tieOrder: readonly string[],
): number {
  let left = supply;
  let i = 0;
  for (;;) {
    const price = (byPrice[i] as Working).bid.priceFen;
    const level: Working[] = [];
    while (i < byPrice.length && (byPrice[i] as Working).bid.priceFen === price)
      level.push(byPrice[i++] as Working);
    const levelQty = level.reduce((s, w) => s + w.eligible, 0);
    if (levelQty < left) {
      for (const w of level) w.awarded = w.eligible;
      left -= levelQty;
      continue;
    }
    if (rules.tieBreak.kind === 'seeded-random') {
      // `level` is already in the pre-fixed bidder order.
      for (const w of level) {
        w.awarded = Math.min(w.eligible, left);
        left -= w.awarded;
      }
    } else {
      const bidOrder = level
        .slice()
        .sort(
          (a, b) =>
            tieOrder.indexOf(a.bid.bidderId) - tieOrder.indexOf(b.bid.bidderId) ||
            cmp(a.bid.bidId, b.bid.bidId),
        )
        .map((w) => w.bid.bidId);
      const lots = apportion(
        left / lot,
        level.map((w) => ({ key: w.bid.bidId, weight: w.eligible / lot, cap: w.eligible / lot })),
        bidOrder,
      );
      for (const w of level) w.awarded = (lots.get(w.bid.bidId) ?? 0) * lot;
    }
    return price;
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const toResult = (w: Working): BidResult => ({
  bidId: w.bid.bidId,
  bidderId: w.bid.bidderId,
  priceFen: w.bid.priceFen,
  quantity: w.bid.quantity,
  awarded: w.awarded,
  trimmed: w.trimmed,
  ...(w.rejection ? { rejection: w.rejection } : {}),
});

/** Published statistics from price, volume and bids (EEX style): cover ratio and revenue. */
export function auctionStatistics(clearingPriceFen: number, volume: number, bidVolume: number) {
  requireNonNegativeInt(clearingPriceFen, 'clearingPriceFen');
  requireNonNegativeInt(volume, 'volume');
  requireNonNegativeInt(bidVolume, 'bidVolume');
  return {
    coverageBp: ratioBp(bidVolume, volume, 'half-up'),
    /** Cover ratio in hundredths, as published (1.49 → 149). */
    coverHundredths: mulDiv(bidVolume, 100, volume, 'half-up'),
    revenueFen: mulDiv(clearingPriceFen, volume, 1, 'trunc'),
  };
}
