import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../gateway/src/clock/clock';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { chinaDay } from '../crediting-window';
import { inclusionIssuanceView, type InclusionIssuanceCommandView } from '../inclusion-issuance.view';
import { IssueInclusionCredits } from './issue-inclusion-credits.command';
import { planInclusionIssuance } from './plan-inclusion-issuance';

/** Credits a batch of activity records to a holder in one append: the record and its serial blocks. */
@CommandHandler(IssueInclusionCredits)
export class IssueInclusionCreditsHandler implements ICommandHandler<IssueInclusionCredits> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ jurisdiction, body }: IssueInclusionCredits): Promise<InclusionIssuanceCommandView> {
    const asOf = chinaDay(this.clock.now());
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planInclusionIssuance(r, jurisdiction, body, asOf),
    );
    return {
      commandId: body.commandId,
      version: outcome.version,
      replayed: outcome.replayed,
      ...inclusionIssuanceView(outcome.registry, jurisdiction, body.issuanceId),
    };
  }
}
