import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { IssueUnits } from './issue-units.command';
import { IssueUnitsDto } from './issue-units.dto';
import { IssuanceView } from './issuance.view';

@ApiTags('registry issuance')
@Controller('registries/:jurisdiction/issuances')
export class IssueUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: IssuanceView,
    created: 'A new serial block is issued (UnitsIssued is durable)',
    refused: 'A ledger rule refuses it (code LEDGER.*)',
  })
  issue(@Param('jurisdiction') jurisdiction: string, @Body() body: IssueUnitsDto): Promise<IssuanceView> {
    return this.commandBus.execute(new IssueUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
