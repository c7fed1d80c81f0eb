import { Controller, Get, Inject, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { complianceDashboard, type ComplianceYearView } from './compliance-dashboard.view';

@ApiTags('registry compliance')
@Controller('registries/:jurisdiction/compliance')
export class GetComplianceController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Get()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiQuery({ name: 'year', required: false, type: Number, example: 2025 })
  @ApiQuery({
    name: 'firmId',
    required: false,
    example: 'cq-steel-001',
    description: "Only this firm's rows (an enterprise may read only its own)",
  })
  @ApiOkResponse({
    description: 'Per year: reports, verifications, units surrendered per firm, latest compliance run',
  })
  @ApiNotFoundResponse({ description: 'No such registry' })
  async get(
    @Param('jurisdiction') jurisdiction: string,
    @Query('year', new ParseIntPipe({ optional: true })) year?: number,
    @Query('firmId') firmId?: string,
  ): Promise<{ jurisdiction: string; version: number; years: ComplianceYearView[] }> {
    const j = parseRegistryJurisdiction(jurisdiction);
    const loaded = await this.registry.load(j);
    const years = complianceDashboard(loaded.ledger, loaded.records, year);
    return {
      jurisdiction: j,
      version: loaded.version,
      years:
        typeof firmId === 'string'
          ? years.map((y) => ({ ...y, firms: y.firms.filter((f) => f.firmId === firmId) }))
          : years,
    };
  }
}
