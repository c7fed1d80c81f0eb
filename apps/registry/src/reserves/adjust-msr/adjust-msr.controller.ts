import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { AdjustMsr } from './adjust-msr.command';
import { AdjustMsrDto } from './adjust-msr.dto';

@ApiTags('registry reserves')
@Controller('registries/:jurisdiction/msr-adjustments')
export class AdjustMsrController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: RecordResultView,
    created: 'MsrAdjusted recorded; intake moved auction → reserve or release reserve → auction',
    refused: 'Bad thresholds (ALLOCATION.BAD_PARAMETER)',
  })
  @ApiConflictResponse({ description: 'This year was already adjusted' })
  adjust(@Param('jurisdiction') jurisdiction: string, @Body() body: AdjustMsrDto): Promise<RecordResultView> {
    return this.commandBus.execute(new AdjustMsr(parseRegistryJurisdiction(jurisdiction), body));
  }
}
