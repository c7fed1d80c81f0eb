import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { scheduledAuction } from '../shared/auction-guards';
import { auctionView, type AuctionView } from './auction.view';

@ApiTags('registry auctions')
@Controller('registries/:jurisdiction/auctions')
export class GetAuctionController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({ description: 'Every scheduled auction with its status and, once over, its result' })
  async list(
    @Param('jurisdiction') jurisdiction: string,
  ): Promise<{ version: number; auctions: AuctionView[] }> {
    const loaded = await this.registry.load(parseRegistryJurisdiction(jurisdiction));
    return {
      version: loaded.version,
      auctions: Object.values(loaded.records.auctionBook.auctions).map((a) => auctionView(loaded.records, a)),
    };
  }

  @Get(':id')
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiParam({ name: 'id', example: 'CQ-2025-A1' })
  @ApiOkResponse({
    description: 'Rules, guarantees; after clearing: clearing price, sold, bids, bidders, coverage ratio',
  })
  @ApiNotFoundResponse({ description: 'No scheduled auction with this id (REGISTRY.UNKNOWN_AUCTION)' })
  async get(
    @Param('jurisdiction') jurisdiction: string,
    @Param('id') auctionId: string,
  ): Promise<AuctionView> {
    const loaded = await this.registry.load(parseRegistryJurisdiction(jurisdiction));
    return auctionView(loaded.records, scheduledAuction(loaded, auctionId));
  }
}
