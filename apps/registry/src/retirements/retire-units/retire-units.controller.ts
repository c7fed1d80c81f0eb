import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { RetireUnits } from './retire-units.command';
import { RetireUnitsDto } from './retire-units.dto';

@ApiTags('registry retirements')
@Controller('registries/:jurisdiction/retirements')
export class RetireUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: MoveView,
    created: 'Units retired on behalf of a beneficiary (UnitsRetired is durable)',
    refused: 'Insufficient or locked units, wrong target account (LEDGER.*)',
  })
  post(@Param('jurisdiction') jurisdiction: string, @Body() body: RetireUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new RetireUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
