import { Command } from '@nestjs/cqrs';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { IssuanceView } from './issuance.view';
import type { IssueUnitsDto } from './issue-units.dto';

export class IssueUnits extends Command<IssuanceView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: IssueUnitsDto,
  ) {
    super();
  }
}
