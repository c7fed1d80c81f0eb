import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { AllocateUnits } from './allocate-units.command';
import { AllocateUnitsDto } from './allocate-units.dto';
import { AllocationView } from './allocation.view';

@ApiTags('registry allocation')
@Controller('registries/:jurisdiction/allocations')
export class AllocateUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: AllocationView,
    description:
      'Cap issued to the government account, auction pool set aside, firms credited; all in one append',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({
    description: 'Unknown registry or firm account (LEDGER.UNKNOWN_ACCOUNT): nothing issued',
  })
  @ApiConflictResponse({ description: 'The commandId was used for a different allocation' })
  @ApiUnprocessableEntityResponse({ description: 'Rules inconsistent (ALLOCATION.*)' })
  allocate(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: AllocateUnitsDto,
  ): Promise<AllocationView> {
    return this.commandBus.execute(new AllocateUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
