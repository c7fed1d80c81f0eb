import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { AuctionClearingView } from './auction-clearing.view';
import { ClearAuction } from './clear-auction.command';
import { ClearAuctionDto } from './clear-auction.dto';

@ApiTags('registry auctions')
@Controller('registries/:jurisdiction/auctions')
export class ClearAuctionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/clear')
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiParam({ name: 'id', example: 'CQ-2025-A1' })
  @ApiOkResponse({
    type: AuctionClearingView,
    description:
      'Sealed-bid uniform-price clearing recorded (AuctionCleared) and winners credited from the auction account',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiConflictResponse({ description: 'The auction is already cleared under another commandId' })
  @ApiUnprocessableEntityResponse({
    description: 'Not enough units in the auction account, bad rules (AUCTION.*)',
  })
  clear(
    @Param('jurisdiction') jurisdiction: string,
    @Param('id') auctionId: string,
    @Body() body: ClearAuctionDto,
  ): Promise<AuctionClearingView> {
    return this.commandBus.execute(
      new ClearAuction(parseRegistryJurisdiction(jurisdiction), auctionId, body),
    );
  }
}
