import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { CancelUnits } from './cancel-units.command';
import { CancelUnitsDto } from './cancel-units.dto';

@ApiTags('registry cancellations')
@Controller('registries/:jurisdiction/cancellations')
export class CancelUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: MoveView,
    created: 'Units cancelled by the regulator (UnitsCancelled is durable)',
    refused: 'Insufficient or locked units, wrong target account (LEDGER.*)',
  })
  post(@Param('jurisdiction') jurisdiction: string, @Body() body: CancelUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new CancelUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
