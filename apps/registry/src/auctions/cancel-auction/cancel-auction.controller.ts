import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { CancelAuction } from './cancel-auction.command';
import { CancelAuctionDto } from './cancel-auction.dto';

@ApiTags('registry auctions')
@Controller('registries/:jurisdiction/auctions')
export class CancelAuctionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiParam({ name: 'id', example: 'CQ-2025-A1' })
  @ApiOkResponse({
    type: RecordResultView,
    description: 'AuctionSettled (cancelled): guarantees released, volume carried forward',
  })
  @ApiNotFoundResponse({ description: 'No scheduled auction with this id' })
  @ApiConflictResponse({ description: 'The auction is no longer open' })
  cancel(
    @Param('jurisdiction') jurisdiction: string,
    @Param('id') auctionId: string,
    @Body() body: CancelAuctionDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(
      new CancelAuction(parseRegistryJurisdiction(jurisdiction), auctionId, body),
    );
  }
}
