import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandResultView } from '../../shared/command-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { ExpireUnits } from './expire-units.command';
import { ExpireUnitsDto } from './expire-units.dto';
import type { ExpiryView } from './expire-units.handler';

@ApiTags('registry issuance')
@Controller('registries/:jurisdiction/expiries')
export class ExpireUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: CommandResultView,
    created: 'ExpiryRun recorded; expired units cancelled by serial range (reason: expired)',
    refused: 'Never for a well-formed body',
  })
  expire(@Param('jurisdiction') jurisdiction: string, @Body() body: ExpireUnitsDto): Promise<ExpiryView> {
    return this.commandBus.execute(new ExpireUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
