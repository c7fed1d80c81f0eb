import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { supplyView, type SupplyView } from './supply.view';

@ApiTags('registry supply')
@Controller('registries/:jurisdiction/supply')
export class GetSupplyController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({
    description:
      'Per instrument and vintage: issued = held + surrendered + cancelled + retired (locked is part of held)',
  })
  @ApiNotFoundResponse({ description: 'No such registry' })
  async get(@Param('jurisdiction') jurisdiction: string): Promise<SupplyView> {
    const j = parseRegistryJurisdiction(jurisdiction);
    const loaded = await this.registry.load(j);
    return supplyView(j, loaded.ledger, loaded.version);
  }
}
