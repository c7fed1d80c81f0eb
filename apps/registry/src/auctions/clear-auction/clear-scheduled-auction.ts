import type { AuctionCleared } from '../../shared/registry-records';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { PlannedWork } from '../../shared/decide-registry';
import type { LoadedRegistry } from '../../shared/registry-state';
import type { AuctionSettled } from '../../shared/auction-records';
import { openAuction, scheduledAuction } from '../shared/auction-guards';
import { clearScheduled, settle, settlementCommands } from '../shared/auction-settlement';
import type { ClearAuction } from './clear-auction.command';

/**
 * A scheduled auction is cleared from the bids on record with the rules published when it was
 * scheduled; result, cash settlement and unit deliveries are one append. A retry re-plans from
 * the recorded result, so it matches the first answer even after later bids elsewhere.
 */
export function planClearScheduled(command: ClearAuction, registry: LoadedRegistry): PlannedWork {
  const { jurisdiction, auctionId, body } = command;
  if (body.rules !== undefined || body.bids !== undefined)
    throw new RegistryError(
      REGISTRY_ERRORS.BAD_AUCTION_RULES,
      `auction ${auctionId} was scheduled: its rules and bids are on record`,
      { field: body.rules !== undefined ? 'rules' : 'bids' },
    );
  const earlier = registry.records.byCommand[body.commandId];
  const earlierSettled = registry.records.byCommand[`${body.commandId}:settle`];
  if (earlier?.type === 'AuctionCleared' && earlierSettled?.type === 'AuctionSettled') {
    const auction = scheduledAuction(registry, auctionId);
    return {
      records: [earlier, earlierSettled],
      commands: settlementCommands(jurisdiction, body.commandId, auction, earlierSettled),
    };
  }
  const auction = openAuction(registry, auctionId);
  if (auction.scheduled.rules.cancelBelowSecondaryBp !== undefined && body.secondaryPriceFen === undefined)
    throw new RegistryError(
      REGISTRY_ERRORS.MISSING_FIELD,
      `auction ${auctionId} compares its price with the secondary market: give secondaryPriceFen`,
      { field: 'secondaryPriceFen' },
    );
  const { result, ccrReleased } = clearScheduled(auction, body.secondaryPriceFen);
  const cleared: AuctionCleared = {
    type: 'AuctionCleared',
    commandId: body.commandId,
    auctionId,
    kind: auction.scheduled.kind,
    vintage: auction.scheduled.vintage,
    result,
  };
  const settled: AuctionSettled = settle(body.commandId, auction, {
    result,
    ccrReleased,
    ...(body.secondaryPriceFen !== undefined ? { secondaryPriceFen: body.secondaryPriceFen } : {}),
    ...(result.status === 'cancelled' ? { reason: 'bids below the supply or the price threshold' } : {}),
  });
  return {
    records: [cleared, settled],
    commands: settlementCommands(jurisdiction, body.commandId, auction, settled),
  };
}
