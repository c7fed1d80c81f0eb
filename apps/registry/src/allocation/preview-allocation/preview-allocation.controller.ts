import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { previewAllocation, type AllocationPreview } from '@app/allocation';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { allocationInput } from '../shared/allocation-rules.dto';
import { PreviewAllocationDto } from './preview-allocation.dto';

/** The regulator's dry run: the full allocation table from the rules, nothing issued. */
@ApiTags('registry allocation')
@Controller('registries/:jurisdiction/allocation-previews')
export class PreviewAllocationController {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({
    description: 'Pools carved from the cap, then entitlement / allocated / pre-allocated per firm',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiUnprocessableEntityResponse({
    description: 'Rules inconsistent (ALLOCATION.*), e.g. shares above 100 %',
  })
  async preview(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: PreviewAllocationDto,
  ): Promise<AllocationPreview> {
    const { records } = await this.registry.load(parseRegistryJurisdiction(jurisdiction));
    const { rules, firms } = allocationInput(body, records.ruleVersions);
    return previewAllocation(rules, firms);
  }
}
