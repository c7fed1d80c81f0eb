import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NO_GUARANTEE, type BidGuaranteePosted } from '../../shared/auction-records';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { openAuction, requireBidderAccount } from '../shared/auction-guards';
import { PostBidGuarantee } from './post-bid-guarantee.command';

/** Cash into the registry's auction cash account for this auction, credited to the bidder. */
export function planPostBidGuarantee(
  { auctionId, body }: PostBidGuarantee,
  registry: LoadedRegistry,
): PlannedWork {
  // A retry skips the checks (the auction may be over); decideRegistry compares it with the first record.
  if (registry.records.byCommand[body.commandId]) return { records: [guaranteePosted(auctionId, body)] };
  const auction = openAuction(registry, auctionId);
  requireBidderAccount(registry.ledger, body.bidderId);
  const posted = (auction.guarantees[body.bidderId] ?? NO_GUARANTEE).postedFen;
  if (!Number.isSafeInteger(posted + body.amountFen))
    throw new RegistryError(REGISTRY_ERRORS.BAD_AUCTION_RULES, 'guarantee total is too large', {
      field: 'amountFen',
    });
  return { records: [guaranteePosted(auctionId, body)] };
}

const guaranteePosted = (auctionId: string, body: PostBidGuarantee['body']): BidGuaranteePosted => ({
  type: 'BidGuaranteePosted',
  commandId: body.commandId,
  auctionId,
  bidderId: body.bidderId,
  amountFen: body.amountFen,
});

@CommandHandler(PostBidGuarantee)
export class PostBidGuaranteeHandler implements ICommandHandler<PostBidGuarantee> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: PostBidGuarantee): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planPostBidGuarantee(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
