import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { SubmitBid } from './submit-bid.command';
import { SubmitBidDto } from './submit-bid.dto';

@ApiTags('registry auctions')
@Controller('registries/:jurisdiction/auctions/:id/bids')
export class SubmitBidController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: RecordResultView,
    created: 'BidSubmitted recorded; price × quantity reserved against the bidder guarantee',
    refused:
      'Outside the rules, naming the field: AUCTION.BELOW_RESERVE (priceFen), AUCTION.NOT_LOT_MULTIPLE, AUCTION.OVER_BIDDER_CAP, AUCTION.INSUFFICIENT_GUARANTEE (quantity)',
  })
  @ApiParam({ name: 'id', example: 'CQ-2025-A1' })
  @ApiConflictResponse({ description: 'Auction not open, bid id taken, or commandId reused' })
  bid(
    @Param('jurisdiction') jurisdiction: string,
    @Param('id') auctionId: string,
    @Body() body: SubmitBidDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(new SubmitBid(parseRegistryJurisdiction(jurisdiction), auctionId, body));
  }
}
