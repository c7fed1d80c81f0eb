import {
  clearAuction,
  clearWithCostContainment,
  type AuctionResult,
  type AuctionRules,
} from '@app/allocation';
import { mulDiv } from '@app/domain';
import type { LedgerCommand } from '@app/ledger';
import type { AuctionSettled, AuctionState, BidderSettlement } from '../../shared/auction-records';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { systemAccountId } from '../../shared/system-accounts';
import { ccrLockId } from './auction-guards';

/** Bidders admitted (they posted a guarantee), so the seeded tie order is fixed before prices are seen. */
const registeredBidders = (auction: AuctionState): string[] => Object.keys(auction.guarantees).sort();

/** The price under which the auction is cancelled: the fixed one, or a share of the secondary price. */
function cancelBelow(auction: AuctionState, secondaryPriceFen: number | undefined): number | undefined {
  const { cancelBelowPriceFen, cancelBelowSecondaryBp } = auction.scheduled.rules;
  const fromSecondary =
    cancelBelowSecondaryBp === undefined || secondaryPriceFen === undefined
      ? undefined
      : mulDiv(secondaryPriceFen, cancelBelowSecondaryBp, 10_000, 'ceil');
  const thresholds = [cancelBelowPriceFen, fromSecondary].filter((x) => x !== undefined);
  return thresholds.length === 0 ? undefined : Math.max(...thresholds);
}

export function clearScheduled(
  auction: AuctionState,
  secondaryPriceFen?: number,
): { result: AuctionResult; ccrReleased: number } {
  const {
    costContainment,
    cancelBelowSecondaryBp: _share,
    cancelBelowPriceFen: _fixed,
    ...rules
  } = auction.scheduled.rules;
  const threshold = cancelBelow(auction, secondaryPriceFen);
  const auctionRules: AuctionRules = {
    ...rules,
    registeredBidders: registeredBidders(auction),
    ...(threshold !== undefined ? { cancelBelowPriceFen: threshold } : {}),
  };
  if (!costContainment) return { result: clearAuction(auctionRules, auction.bids), ccrReleased: 0 };
  const { auction: result, ccrReleased } = clearWithCostContainment(
    auctionRules,
    auction.bids,
    costContainment,
  );
  return { result, ccrReleased };
}

/** Winners pay clearing price × units from their guarantee; everything else is released. */
export function settle(
  commandId: string,
  auction: AuctionState,
  outcome: { result?: AuctionResult; ccrReleased: number; reason?: string; secondaryPriceFen?: number },
): AuctionSettled {
  const { result } = outcome;
  const cleared = result?.status === 'cleared';
  const price = cleared ? (result.clearingPriceFen ?? 0) : 0;
  const settlements: BidderSettlement[] = Object.entries(auction.guarantees)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([bidderId, g]) => {
      const awarded = cleared ? (result.awardsByBidder[bidderId] ?? 0) : 0;
      const paidFen = price * awarded;
      return { bidderId, awarded, paidFen, releasedFen: g.postedFen - g.paidFen - g.releasedFen - paidFen };
    });
  const sold = cleared ? result.sold : 0;
  const offered = auction.scheduled.rules.supply + (cleared ? outcome.ccrReleased : 0);
  return {
    type: 'AuctionSettled',
    commandId: `${commandId}:settle`,
    auctionId: auction.scheduled.auctionId,
    status: cleared ? 'cleared' : 'cancelled',
    settlements,
    revenueFen: settlements.reduce((s, x) => s + x.paidFen, 0),
    toReserve: cleared ? offered - sold : 0,
    carriedForward: cleared ? 0 : auction.scheduled.rules.supply,
    ccrReleased: cleared ? outcome.ccrReleased : 0,
    ...(outcome.secondaryPriceFen !== undefined ? { secondaryPriceFen: outcome.secondaryPriceFen } : {}),
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
  };
}

export const awardCommandId = (commandId: string, bidderId: string): string =>
  `${commandId}:award:${bidderId}`;

/**
 * The units side of a settlement: release the locks; a cleared auction draws its cost-containment
 * units, delivers each award from the auction account and returns the unsold rest to the reserve;
 * a cancelled one leaves its volume in the auction account (carried forward).
 */
export function settlementCommands(
  jurisdiction: RegistryJurisdiction,
  commandId: string,
  auction: AuctionState,
  settled: AuctionSettled,
): LedgerCommand[] {
  const { kind, vintage, lockId, rules } = auction.scheduled;
  const auctionAccount = systemAccountId(jurisdiction, 'AUCTION');
  const reserveAccount = systemAccountId(jurisdiction, 'RESERVE');
  const take = (quantity: number) => ({ by: 'quantity', quantity, jurisdiction, kind, vintage }) as const;
  const commands: LedgerCommand[] = [{ type: 'UnlockUnits', commandId: `${commandId}:unlock`, lockId }];
  if (rules.costContainment)
    commands.push({
      type: 'UnlockUnits',
      commandId: `${commandId}:unlock-ccr`,
      lockId: ccrLockId(auction.scheduled.auctionId),
    });
  if (settled.ccrReleased > 0)
    commands.push({
      type: 'TransferUnits',
      commandId: `${commandId}:ccr`,
      from: reserveAccount,
      to: auctionAccount,
      selection: take(settled.ccrReleased),
    });
  for (const s of settled.settlements)
    if (s.awarded > 0)
      commands.push({
        type: 'TransferUnits',
        commandId: awardCommandId(commandId, s.bidderId),
        from: auctionAccount,
        to: s.bidderId,
        selection: take(s.awarded),
      });
  if (settled.toReserve > 0)
    commands.push({
      type: 'TransferUnits',
      commandId: `${commandId}:unsold`,
      from: auctionAccount,
      to: reserveAccount,
      selection: take(settled.toReserve),
    });
  return commands;
}
