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
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { IssueUnits } from './issue-units.command';
import { IssueUnitsDto } from './issue-units.dto';
import { IssuanceView } from './issuance.view';

@ApiTags('registry issuance')
@Controller('registries/:jurisdiction/issuances')
export class IssueUnitsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiCreatedResponse({
    type: IssuanceView,
    description: 'A new serial block is issued (UnitsIssued is durable)',
  })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed; the message names it' })
  @ApiNotFoundResponse({ description: 'Unknown registry or account' })
  @ApiUnprocessableEntityResponse({ description: 'A ledger rule refuses it (code LEDGER.*)' })
  issue(@Param('jurisdiction') jurisdiction: string, @Body() body: IssueUnitsDto): Promise<IssuanceView> {
    return this.commandBus.execute(new IssueUnits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
