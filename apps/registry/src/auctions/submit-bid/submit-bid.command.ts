import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { SubmitBidDto } from './submit-bid.dto';

export class SubmitBid extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly auctionId: string,
    readonly body: SubmitBidDto,
  ) {
    super();
  }
}
