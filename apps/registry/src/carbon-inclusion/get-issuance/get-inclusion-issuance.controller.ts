import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { inclusionIssuanceView, InclusionIssuanceView } from '../inclusion-issuance.view';

@ApiTags('registry carbon inclusion')
@Controller('registries/:jurisdiction/carbon-inclusion/issuances')
export class GetInclusionIssuanceController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get(':issuanceId')
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({ type: InclusionIssuanceView, description: 'The credited records and the serial blocks' })
  @ApiNotFoundResponse({ description: 'CARBON_INCLUSION.UNKNOWN_ISSUANCE' })
  async get(
    @Param('jurisdiction') jurisdiction: string,
    @Param('issuanceId') issuanceId: string,
  ): Promise<InclusionIssuanceView> {
    const j = parseRegistryJurisdiction(jurisdiction);
    return inclusionIssuanceView(await this.registry.load(j), j, issuanceId);
  }
}
