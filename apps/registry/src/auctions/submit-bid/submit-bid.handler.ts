import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mulDiv } from '@app/domain';
import {
  freeGuaranteeFen,
  NO_GUARANTEE,
  type AuctionState,
  type BidSubmitted,
} from '../../shared/auction-records';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { openAuction, requireBidderAccount } from '../shared/auction-guards';
import { SubmitBid } from './submit-bid.command';
import type { SubmitBidDto } from './submit-bid.dto';

const refuse = (code: string, message: string, field: string): RegistryError =>
  new RegistryError(code, message, { field });

/** Units one bidder may bid for in total: the cap share of the supply, in whole lots (floor). */
export function bidderCapUnits(auction: AuctionState): number | undefined {
  const { supply, lotSize, maxBidderShareBp } = auction.scheduled.rules;
  if (maxBidderShareBp === undefined) return undefined;
  return mulDiv(supply, maxBidderShareBp, 10_000 * lotSize, 'floor') * lotSize;
}

/** The auction's rules checked at the door, so clearing only ever sees bids it can accept. */
function checkBid(auction: AuctionState, body: SubmitBidDto): void {
  const { lotSize, reservePriceFen } = auction.scheduled.rules;
  if (auction.bids.some((b) => b.bidId === body.bidId))
    throw refuse(REGISTRY_ERRORS.DUPLICATE_BID, `bid ${body.bidId} exists in this auction`, 'bidId');
  if (body.quantity % lotSize !== 0)
    throw refuse(
      REGISTRY_ERRORS.BID_NOT_LOT_MULTIPLE,
      `quantity must be a multiple of ${lotSize}`,
      'quantity',
    );
  if (body.priceFen < reservePriceFen)
    throw refuse(
      REGISTRY_ERRORS.BID_BELOW_RESERVE,
      `price is below the reserve ${reservePriceFen}`,
      'priceFen',
    );
  const cap = bidderCapUnits(auction);
  const already = auction.bids
    .filter((b) => b.bidderId === body.bidderId)
    .reduce((s, b) => s + b.quantity, 0);
  if (cap !== undefined && already + body.quantity > cap)
    throw refuse(
      REGISTRY_ERRORS.BID_OVER_BIDDER_CAP,
      `${body.bidderId} may bid for at most ${cap} units in total (has ${already})`,
      'quantity',
    );
  const value = BigInt(body.priceFen) * BigInt(body.quantity);
  const guarantee = auction.guarantees[body.bidderId];
  const free = freeGuaranteeFen(guarantee ?? NO_GUARANTEE);
  if (guarantee === undefined || value > BigInt(free))
    throw refuse(
      REGISTRY_ERRORS.INSUFFICIENT_GUARANTEE,
      `bid value ${value} fen exceeds the free guarantee ${free} fen`,
      'quantity',
    );
}

/** A sealed bid that reserves its maximum value (price × quantity) of the bidder's guarantee. */
export function planSubmitBid({ auctionId, body }: SubmitBid, registry: LoadedRegistry): PlannedWork {
  // A retry skips the checks (the auction may be over); decideRegistry compares it with the first record.
  if (registry.records.byCommand[body.commandId]) return { records: [submitted(auctionId, body)] };
  const auction = openAuction(registry, auctionId);
  requireBidderAccount(registry.ledger, body.bidderId);
  checkBid(auction, body);
  return { records: [submitted(auctionId, body)] };
}

const submitted = (auctionId: string, body: SubmitBidDto): BidSubmitted => ({
  type: 'BidSubmitted',
  commandId: body.commandId,
  auctionId,
  bid: { bidId: body.bidId, bidderId: body.bidderId, priceFen: body.priceFen, quantity: body.quantity },
  reservedFen: body.priceFen * body.quantity,
});

@CommandHandler(SubmitBid)
export class SubmitBidHandler implements ICommandHandler<SubmitBid> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: SubmitBid): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planSubmitBid(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
