import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { PostBidGuarantee } from './post-bid-guarantee.command';
import { PostBidGuaranteeDto } from './post-bid-guarantee.dto';

@ApiTags('registry auctions')
@Controller('registries/:jurisdiction/auctions/:id/guarantees')
export class PostBidGuaranteeController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: RecordResultView,
    created: 'BidGuaranteePosted recorded: cash (fen) bids can reserve',
    refused: 'The total would overflow',
  })
  @ApiParam({ name: 'id', example: 'CQ-2025-A1' })
  @ApiConflictResponse({ description: 'The auction is no longer open, or the commandId was reused' })
  post(
    @Param('jurisdiction') jurisdiction: string,
    @Param('id') auctionId: string,
    @Body() body: PostBidGuaranteeDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(
      new PostBidGuarantee(parseRegistryJurisdiction(jurisdiction), auctionId, body),
    );
  }
}
