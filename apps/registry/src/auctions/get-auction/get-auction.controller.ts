import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '@app/platform';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { scheduledAuction } from '../shared/auction-guards';
import { auctionView, type AuctionView } from './auction.view';
import { visibleAuction } from './auction-visibility';

@ApiTags('registry auctions')
@Controller('registries/:jurisdiction/auctions')
export class GetAuctionController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({
    description:
      "Every scheduled auction with its status and, once over, its result. Bidders' guarantees and bids: the province's regulator and administrators all, an enterprise its own, others none",
  })
  async list(
    @Param('jurisdiction') jurisdiction: string,
    @Req() http: AuthenticatedRequest,
  ): Promise<{ version: number; auctions: AuctionView[] }> {
    const registry = parseRegistryJurisdiction(jurisdiction);
    const loaded = await this.registry.load(registry);
    return {
      version: loaded.version,
      auctions: Object.values(loaded.records.auctionBook.auctions).map((a) =>
        visibleAuction(auctionView(loaded.records, a), http.principal, registry),
      ),
    };
  }

  @Get(':id')
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiParam({ name: 'id', example: 'CQ-2025-A1' })
  @ApiOkResponse({
    description:
      "Rules, guarantees; after clearing: clearing price, sold, bids, bidders, coverage ratio. Bidders' guarantees and bids: the province's regulator and administrators all, an enterprise its own, others none",
  })
  @ApiNotFoundResponse({ description: 'No scheduled auction with this id (REGISTRY.UNKNOWN_AUCTION)' })
  async get(
    @Param('jurisdiction') jurisdiction: string,
    @Param('id') auctionId: string,
    @Req() http: AuthenticatedRequest,
  ): Promise<AuctionView> {
    const registry = parseRegistryJurisdiction(jurisdiction);
    const loaded = await this.registry.load(registry);
    return visibleAuction(
      auctionView(loaded.records, scheduledAuction(loaded, auctionId)),
      http.principal,
      registry,
    );
  }
}
