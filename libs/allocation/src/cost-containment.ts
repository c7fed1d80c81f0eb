import { mulDiv } from '@app/domain';
import { clearAuction } from './auction-clearing';
import type { AuctionResult, AuctionRules, Bid } from './auction-types';
import { requireBp, requireNonNegativeInt } from './errors';

const validDemandAtOrAbove = (bids: readonly Bid[], rules: AuctionRules, priceFen: number): number =>
  bids
    .filter((b) => Number.isSafeInteger(b.quantity) && b.quantity > 0 && b.quantity % rules.lotSize === 0)
    .filter((b) => b.priceFen >= Math.max(priceFen, rules.reservePriceFen))
    .reduce((s, b) => s + b.quantity, 0);

export interface CcrResult {
  readonly auction: AuctionResult;
  /** Units released from the cost-containment reserve into this auction. */
  readonly ccrReleased: number;
  readonly ccrRemaining: number;
}

/**
 * RGGI cost-containment reserve: if demand at or above the trigger exceeds the base supply,
 * release up to the reserve (in lots) so the auction clears no lower than the trigger.
 * (A simplification of the per-bid-curve rule; it reproduces clearing exactly at the trigger.)
 */
export function clearWithCostContainment(
  rules: AuctionRules,
  bids: readonly Bid[],
  ccr: { triggerFen: number; available: number },
): CcrResult {
  requireNonNegativeInt(ccr.triggerFen, 'triggerFen');
  requireNonNegativeInt(ccr.available, 'available');
  const demand = validDemandAtOrAbove(bids, rules, ccr.triggerFen);
  const excess = Math.max(0, demand - rules.supply);
  const released = Math.floor(Math.min(excess, ccr.available) / rules.lotSize) * rules.lotSize;
  if (released === 0)
    return { auction: clearAuction(rules, bids), ccrReleased: 0, ccrRemaining: ccr.available };
  const auction = clearAuction({ ...rules, supply: rules.supply + released }, bids);
  return { auction, ccrReleased: released, ccrRemaining: ccr.available - released };
}

export interface EcrResult {
  readonly auction: AuctionResult;
  /** Units withheld into the emissions-containment reserve (not sold, not carried forward). */
  readonly withheld: number;
}

/**
 * RGGI emissions-containment reserve: if demand at or above the ECR trigger is below the supply,
 * withhold up to `maxShareBp` of the supply (10 %) so less is sold below the trigger.
 */
export function clearWithEmissionsContainment(
  rules: AuctionRules,
  bids: readonly Bid[],
  ecr: { triggerFen: number; maxShareBp: number },
): EcrResult {
  const maxWithhold =
    mulDiv(rules.supply, requireBp(ecr.maxShareBp, 'maxShareBp'), 10_000 * rules.lotSize, 'floor') *
    rules.lotSize;
  const demand = validDemandAtOrAbove(bids, rules, ecr.triggerFen);
  const shortfall = Math.max(0, rules.supply - demand);
  const withheld = Math.floor(Math.min(shortfall, maxWithhold) / rules.lotSize) * rules.lotSize;
  return { auction: clearAuction({ ...rules, supply: rules.supply - withheld }, bids), withheld };
}
