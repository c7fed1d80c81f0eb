import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { TransferUnits } from './transfer-units.command';
import { TransferUnitsDto } from './transfer-units.dto';

@ApiTags('registry transfers')
@Controller('registries/:jurisdiction/transfers')
export class TransferUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: MoveView,
    created: 'Units moved; partial moves split serial ranges',
    refused: 'Insufficient or locked units, terminal account (LEDGER.*)',
  })
  transfer(@Param('jurisdiction') jurisdiction: string, @Body() body: TransferUnitsDto): Promise<MoveView> {
    return this.commandBus.execute(new TransferUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
