import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { CancelUnits } from './cancel-units.command';
import { CancelUnitsDto } from './cancel-units.dto';

@ApiTags('registry cancellations')
@Controller('registries/:jurisdiction/cancellations')
export class CancelUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: MoveView,
    description: 'Units cancelled by the regulator (UnitsCancelled is durable)',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({ description: 'Unknown registry or account' })
  @ApiUnprocessableEntityResponse({
    description: 'Insufficient or locked units, wrong target account (LEDGER.*)',
  })
  post(@Param('jurisdiction') jurisdiction: string, @Body() body: CancelUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new CancelUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
