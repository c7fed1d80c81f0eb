import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { clearAuction, type AuctionRules } from '@app/allocation';
import type { LedgerCommand } from '@app/ledger';
import { commandResult } from '../../shared/command-result';
import type { PlannedWork } from '../../shared/decide-registry';
import { movedRanges } from '../../shared/move.view';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { AuctionCleared } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { awardCommandId } from '../shared/auction-settlement';
import { planClearScheduled } from './clear-scheduled-auction';
import type { AuctionClearingView } from './auction-clearing.view';
import { ClearAuction } from './clear-auction.command';

/** Winners in bidder-id order: the order their transfers are appended in. */
const winners = (awards: Readonly<Record<string, number>>): [string, number][] =>
  Object.entries(awards)
    .filter(([, quantity]) => quantity > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const missing = (field: string): RegistryError =>
  new RegistryError(REGISTRY_ERRORS.MISSING_FIELD, `${field} is required to clear an unscheduled auction`, {
    field,
  });

function rulesOf(rules: NonNullable<ClearAuction['body']['rules']>): AuctionRules {
  const { maxBidderShareBp, cancelBelowPriceFen, registeredBidders, tieBreak, ...rest } = rules;
  return {
    ...rest,
    tieBreak: { kind: tieBreak.kind, seed: tieBreak.seed },
    ...(maxBidderShareBp !== undefined ? { maxBidderShareBp } : {}),
    ...(cancelBelowPriceFen !== undefined ? { cancelBelowPriceFen } : {}),
    ...(registeredBidders !== undefined ? { registeredBidders } : {}),
  };
}

/** The result is recorded and the winners are paid in units from the auction account, in one append. */
export function planClearAuction(command: ClearAuction, registry: LoadedRegistry): PlannedWork {
  const { jurisdiction, auctionId, body } = command;
  if (registry.records.auctionBook.auctions[auctionId]) return planClearScheduled(command, registry);
  const earlier = registry.records.auctions[auctionId];
  if (earlier && earlier.commandId !== body.commandId)
    throw new RegistryError(REGISTRY_ERRORS.DUPLICATE_AUCTION, `auction ${auctionId} is already cleared`, {
      field: 'id',
      auctionId,
    });
  if (body.vintage === undefined) throw missing('vintage');
  if (body.rules === undefined) throw missing('rules');
  if (body.bids === undefined) throw missing('bids');
  const kind = body.kind ?? 'CARBON_ALLOWANCE';
  const result = clearAuction(
    rulesOf(body.rules),
    body.bids.map(({ bidId, bidderId, priceFen, quantity }) => ({ bidId, bidderId, priceFen, quantity })),
  );
  const record: AuctionCleared = {
    type: 'AuctionCleared',
    commandId: body.commandId,
    auctionId,
    kind,
    vintage: body.vintage,
    result,
  };
  const commands: LedgerCommand[] = winners(result.awardsByBidder).map(([bidderId, quantity]) => ({
    type: 'TransferUnits',
    commandId: awardCommandId(body.commandId, bidderId),
    from: systemAccountId(jurisdiction, 'AUCTION'),
    to: bidderId,
    selection: { by: 'quantity', quantity, jurisdiction, kind, vintage: body.vintage },
  }));
  return { records: [record], commands };
}

@CommandHandler(ClearAuction)
export class ClearAuctionHandler implements ICommandHandler<ClearAuction> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: ClearAuction): Promise<AuctionClearingView> {
    const { jurisdiction, auctionId, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planClearAuction(command, r),
    );
    const cleared = outcome.records.find((r): r is AuctionCleared => r.type === 'AuctionCleared');
    const result = cleared?.result ?? outcome.registry.records.auctions[auctionId]?.result;
    if (!result)
      throw new RegistryError(REGISTRY_ERRORS.UNKNOWN_AUCTION, `auction ${auctionId} has no result`);
    const awards = winners(result.awardsByBidder).map(([bidderId]) => ({
      bidderId,
      ...movedRanges(
        outcome.registry.ledger,
        outcome.events.filter((e) => e.commandId === awardCommandId(body.commandId, bidderId)),
      ),
    }));
    return { ...commandResult(body.commandId, jurisdiction, outcome), auctionId, result, awards };
  }
}
