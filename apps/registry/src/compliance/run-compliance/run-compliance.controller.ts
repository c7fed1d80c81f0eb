import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RunCompliance } from './run-compliance.command';
import { RunComplianceDto } from './run-compliance.dto';

@ApiTags('registry compliance')
@Controller('registries/:jurisdiction/compliance-runs')
export class RunComplianceController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: RecordResultView,
    description:
      'Per-firm status (NOT_VERIFIED / COMPLIANT / SHORTFALL), offsets counted, penalties; and the summary',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiUnprocessableEntityResponse({
    description: 'A price the penalty rule needs is missing (COMPLIANCE.MISSING_PRICE)',
  })
  run(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: RunComplianceDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(new RunCompliance(parseRegistryJurisdiction(jurisdiction), body));
  }
}
