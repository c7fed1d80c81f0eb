import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { MoveView } from '../../shared/move.view';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { DrawNewEntrantReserve } from './draw-new-entrant-reserve.command';
import { DrawNewEntrantReserveDto } from './draw-new-entrant-reserve.dto';

@ApiTags('registry allocation')
@Controller('registries/:jurisdiction/new-entrant-allocations')
export class DrawNewEntrantReserveController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: MoveView,
    created: 'NewEntrantReserveDrawn; at most what is left of the reserve moved to the new entrant',
    refused: 'The reserve is used up (REGISTRY.RESERVE_EXHAUSTED, field quantity)',
  })
  draw(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: DrawNewEntrantReserveDto,
  ): Promise<MoveView> {
    return this.commandBus.execute(new DrawNewEntrantReserve(parseRegistryJurisdiction(jurisdiction), body));
  }
}
