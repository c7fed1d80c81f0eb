import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { previewAllocation, type AllocationPreview } from '@app/allocation';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { allocationInput } from '../shared/allocation-rules.dto';
import { PreviewAllocationDto } from './preview-allocation.dto';

/** The regulator's dry run: the full allocation table from the rules, nothing issued. */
@ApiTags('registry allocation')
@Controller('registries/:jurisdiction/allocation-previews')
export class PreviewAllocationController {
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
  preview(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: PreviewAllocationDto,
  ): AllocationPreview {
    parseRegistryJurisdiction(jurisdiction);
    const { rules, firms } = allocationInput(body);
    return previewAllocation(rules, firms);
  }
}
