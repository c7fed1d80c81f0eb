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
import { RetireUnits } from './retire-units.command';
import { RetireUnitsDto } from './retire-units.dto';

@ApiTags('registry retirements')
@Controller('registries/:jurisdiction/retirements')
export class RetireUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: MoveView,
    description: 'Units retired on behalf of a beneficiary (UnitsRetired is durable)',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({ description: 'Unknown registry or account' })
  @ApiUnprocessableEntityResponse({
    description: 'Insufficient or locked units, wrong target account (LEDGER.*)',
  })
  post(@Param('jurisdiction') jurisdiction: string, @Body() body: RetireUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new RetireUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
