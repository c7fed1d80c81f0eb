import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { CancelAuctionDto } from './cancel-auction.dto';

export class CancelAuction extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly auctionId: string,
    readonly body: CancelAuctionDto,
  ) {
    super();
  }
}
