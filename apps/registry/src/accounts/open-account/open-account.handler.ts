import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand } from '@app/ledger';
import { commandResult, type CommandResultView } from '../../shared/command-result';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { OpenAccount } from './open-account.command';

export function planOpenAccount({ jurisdiction, body }: OpenAccount): LedgerCommand[] {
  return [
    {
      type: 'OpenAccount',
      commandId: body.commandId,
      accountId: body.accountId,
      accountType: body.accountType,
      jurisdiction,
      ...(body.ownerId !== undefined ? { ownerId: body.ownerId } : {}),
    },
  ];
}

@CommandHandler(OpenAccount)
export class OpenAccountHandler implements ICommandHandler<OpenAccount> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: OpenAccount): Promise<CommandResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      () => planOpenAccount(command),
    );
    return commandResult(body.commandId, jurisdiction, outcome);
  }
}
