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
import { SurrenderUnits } from './surrender-units.command';
import { SurrenderUnitsDto } from './surrender-units.dto';

@ApiTags('registry compliance')
@Controller('registries/:jurisdiction/surrenders')
export class SurrenderUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: MoveView,
    description: 'Units surrendered for a compliance year (UnitsSurrendered is durable)',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({ description: 'Unknown registry or account' })
  @ApiUnprocessableEntityResponse({
    description: 'Insufficient or locked units, wrong target account (LEDGER.*)',
  })
  post(@Param('jurisdiction') jurisdiction: string, @Body() body: SurrenderUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new SurrenderUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
