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
import { TransferUnits } from './transfer-units.command';
import { TransferUnitsDto } from './transfer-units.dto';

@ApiTags('registry transfers')
@Controller('registries/:jurisdiction/transfers')
export class TransferUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({ type: MoveView, description: 'Units moved; partial moves split serial ranges' })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({ description: 'Unknown registry or account' })
  @ApiUnprocessableEntityResponse({
    description: 'Insufficient or locked units, terminal account (LEDGER.*)',
  })
  transfer(@Param('jurisdiction') jurisdiction: string, @Body() body: TransferUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new TransferUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
