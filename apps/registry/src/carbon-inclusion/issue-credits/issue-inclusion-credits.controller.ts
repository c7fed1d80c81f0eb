import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { InclusionIssuanceCommandView } from '../inclusion-issuance.view';
import { IssueInclusionCredits } from './issue-inclusion-credits.command';
import { IssueInclusionCreditsDto } from './issue-inclusion-credits.dto';

@ApiTags('registry carbon inclusion')
@Controller('registries/:jurisdiction/carbon-inclusion/issuances')
export class IssueInclusionCreditsController {
  constructor(private readonly commandBus: CommandBus) {}

  @RegistryWriteRoute({
    type: InclusionIssuanceCommandView,
    created: 'Every record credited and the credits issued to the holder, in one append',
    refused:
      'A record is impossible, outside the window or already credited (CARBON_INCLUSION.*): the whole batch is refused, every problem listed',
  })
  issue(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: IssueInclusionCreditsDto,
  ): Promise<InclusionIssuanceCommandView> {
    return this.commandBus.execute(new IssueInclusionCredits(parseRegistryJurisdiction(jurisdiction), body));
  }
}
