import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { ReportEmissions } from './report-emissions.command';
import { ReportEmissionsDto } from './report-emissions.dto';

@ApiTags('registry compliance')
@Controller('registries/:jurisdiction/emission-reports')
export class ReportEmissionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({ type: RecordResultView, description: 'EmissionsReported is durable' })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiConflictResponse({ description: 'Already verified, or the commandId was used for another command' })
  report(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: ReportEmissionsDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(new ReportEmissions(parseRegistryJurisdiction(jurisdiction), body));
  }
}
