import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { PostBidGuaranteeDto } from './post-bid-guarantee.dto';

export class PostBidGuarantee extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly auctionId: string,
    readonly body: PostBidGuaranteeDto,
  ) {
    super();
  }
}
