import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { SurrenderUnits } from './surrender-units.command';
import { SurrenderUnitsDto } from './surrender-units.dto';

@ApiTags('registry compliance')
@Controller('registries/:jurisdiction/surrenders')
export class SurrenderUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: MoveView,
    created: 'Units surrendered for a compliance year (UnitsSurrendered is durable)',
    refused: 'Insufficient or locked units, wrong target account (LEDGER.*)',
  })
  post(@Param('jurisdiction') jurisdiction: string, @Body() body: SurrenderUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new SurrenderUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
