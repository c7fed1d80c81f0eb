import { Command } from '@nestjs/cqrs';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { InclusionIssuanceCommandView } from '../inclusion-issuance.view';
import type { IssueInclusionCreditsDto } from './issue-inclusion-credits.dto';

export class IssueInclusionCredits extends Command<InclusionIssuanceCommandView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: IssueInclusionCreditsDto,
  ) {
    super();
  }
}
