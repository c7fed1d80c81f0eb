import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { VerifyEmissions } from './verify-emissions.command';
import { VerifyEmissionsDto } from './verify-emissions.dto';

@ApiTags('registry compliance')
@Controller('registries/:jurisdiction/verifications')
export class VerifyEmissionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({ type: RecordResultView, description: 'EmissionsVerified is durable' })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({ description: 'No report from this firm for the year (REGISTRY.UNKNOWN_REPORT)' })
  verify(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: VerifyEmissionsDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(new VerifyEmissions(parseRegistryJurisdiction(jurisdiction), body));
  }
}
