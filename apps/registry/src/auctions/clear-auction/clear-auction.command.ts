import { Command } from '@nestjs/cqrs';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { AuctionClearingView } from './auction-clearing.view';
import type { ClearAuctionDto } from './clear-auction.dto';

export class ClearAuction extends Command<AuctionClearingView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly auctionId: string,
    readonly body: ClearAuctionDto,
  ) {
    super();
  }
}
