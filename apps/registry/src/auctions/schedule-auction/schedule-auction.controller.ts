import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { ScheduleAuction } from './schedule-auction.command';
import { ScheduleAuctionDto } from './schedule-auction.dto';

@ApiTags('registry auctions')
@Controller('registries/:jurisdiction/auctions')
export class ScheduleAuctionController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: RecordResultView,
    created: 'AuctionScheduled recorded; the offered units are locked in the auction account',
    refused: 'Rules inconsistent (REGISTRY.BAD_AUCTION_RULES) or the auction account lacks the units',
  })
  @ApiConflictResponse({
    description: 'The auction id exists, or the commandId was used for another command',
  })
  schedule(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: ScheduleAuctionDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(new ScheduleAuction(parseRegistryJurisdiction(jurisdiction), body));
  }
}
