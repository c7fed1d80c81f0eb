import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LEDGER_ERRORS, LedgerError, type LedgerCommand } from '@app/ledger';
import type { LoadedRegistry } from '../../shared/registry-state';
import { commandResult } from '../../shared/command-result';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { IssueUnits } from './issue-units.command';
import { issuedBlocks, type IssuanceView } from './issuance.view';

/** Units are always issued in the registry's own jurisdiction: that is what their serial text says. */
export function planIssueUnits(
  { jurisdiction, body }: IssueUnits,
  registry: LoadedRegistry,
): LedgerCommand[] {
  // Serial numbers are JS numbers: refuse a block that would run past 2^53 - 1.
  if (registry.ledger.nextSerial + body.quantity - 1 > Number.MAX_SAFE_INTEGER)
    throw new LedgerError(LEDGER_ERRORS.BAD_QUANTITY, 'the block would exhaust the serial numbers', {
      field: 'quantity',
    });
  return [
    {
      type: 'IssueUnits',
      commandId: body.commandId,
      accountId: body.accountId ?? systemAccountId(jurisdiction, 'GOVERNMENT'),
      jurisdiction,
      kind: body.kind,
      vintage: body.vintage,
      ...(body.projectId !== undefined ? { projectId: body.projectId } : {}),
      ...(body.validThrough !== undefined ? { validThrough: body.validThrough } : {}),
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
      (r) => planIssueUnits(command, r),
    );
    return { ...commandResult(body.commandId, jurisdiction, outcome), blocks: issuedBlocks(outcome.events) };
  }
}
