import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { PublishRuleVersionDto } from './publish-rule-version.dto';

export class PublishRuleVersion extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: PublishRuleVersionDto,
  ) {
    super();
  }
}
