import { authorize, ownedIds, type Principal, type Province } from '@app/domain';
import type { AuctionView } from './auction.view';

/**
 * What of an auction a principal reads. The schedule, rules, counts and results (clearing price,
 * sold, coverage) are public to every signed-in role; who bid, their guarantees and their bids are
 * not: bids are sealed until clearing, and a bidder's own bids stay its business after. So the
 * auction's province's regulator and administrators read every bidder's guarantees and awarded
 * bids; an enterprise only its own (by its member and account ids); every other role none.
 * Without a principal (access not enforced) the view is whole, as before.
 */
export function visibleAuction(
  view: AuctionView,
  principal: Principal | undefined,
  jurisdiction: Province,
): AuctionView {
  if (!principal || authorize(principal, 'registry.administer', { jurisdiction }).allowed) return view;
  const own = ownedIds(principal);
  const guarantees = Object.fromEntries(
    Object.entries(view.guarantees).filter(([bidder]) => own.has(bidder)),
  );
  if (!view.result) return { ...view, guarantees };
  const bidResults = view.result.bidResults.filter((b) => own.has(b.bidderId));
  return { ...view, guarantees, result: { ...view.result, bidResults } };
}
