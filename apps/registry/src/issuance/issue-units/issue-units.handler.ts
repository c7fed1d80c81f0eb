import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand } from '@app/ledger';
import { commandResult } from '../../shared/command-result';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { IssueUnits } from './issue-units.command';
import { issuedBlocks, type IssuanceView } from './issuance.view';

/** Units are always issued in the registry's own jurisdiction: that is what their serial text says. */
export function planIssueUnits({ jurisdiction, body }: IssueUnits): LedgerCommand[] {
  return [
    {
      type: 'IssueUnits',
      commandId: body.commandId,
      accountId: body.accountId ?? systemAccountId(jurisdiction, 'GOVERNMENT'),
      jurisdiction,
      kind: body.kind,
      vintage: body.vintage,
      ...(body.projectId !== undefined ? { projectId: body.projectId } : {}),
      quantity: body.quantity,
    },
  ];
}

@CommandHandler(IssueUnits)
export class IssueUnitsHandler implements ICommandHandler<IssueUnits> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: IssueUnits): Promise<IssuanceView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      () => planIssueUnits(command),
    );
    return { ...commandResult(body.commandId, jurisdiction, outcome), blocks: issuedBlocks(outcome.events) };
  }
}
