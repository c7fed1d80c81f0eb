import { Body, Controller, Get, Inject, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { RecordResultView } from '../../shared/record-result';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { RuleVersionPublished } from '../../shared/registry-records';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { RegistryWriteRoute } from '../../shared/registry-write-route.decorator';
import { PublishRuleVersion } from './publish-rule-version.command';
import { PublishRuleVersionDto } from './publish-rule-version.dto';

@ApiTags('registry allocation')
@Controller('registries/:jurisdiction/rule-versions')
export class PublishRuleVersionController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
  ) {}

  @RegistryWriteRoute({
    type: RecordResultView,
    created: 'RuleVersionPublished, with the acting regulator',
    refused: 'validTo before validFrom, or rules inconsistent (REGISTRY.BAD_RULE_VERSION, ALLOCATION.*)',
  })
  @ApiConflictResponse({ description: 'Overlaps the dated validity of another version (field validFrom)' })
  publish(
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: PublishRuleVersionDto,
  ): Promise<RecordResultView> {
    return this.commandBus.execute(new PublishRuleVersion(parseRegistryJurisdiction(jurisdiction), body));
  }

  @Get()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({ description: 'Every published rule version, by validFrom' })
  async list(@Param('jurisdiction') jurisdiction: string): Promise<{ ruleVersions: RuleVersionPublished[] }> {
    const { records } = await this.registry.load(parseRegistryJurisdiction(jurisdiction));
    return {
      ruleVersions: Object.values(records.ruleVersions).sort((a, b) =>
        a.kind === b.kind ? (a.validFrom < b.validFrom ? -1 : 1) : a.kind < b.kind ? -1 : 1,
      ),
    };
  }
}
