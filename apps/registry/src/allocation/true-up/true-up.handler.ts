import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandResult } from '../../shared/command-result';
import type { PlannedWork } from '../../shared/decide-registry';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { previewTrueUp, trueUpWork, type TrueUpPreview } from './true-up-plan';
import { TrueUpAllocation } from './true-up.command';
import type { TrueUpView } from './true-up.view';

export function planTrueUp(
  { jurisdiction, body }: TrueUpAllocation,
  registry: LoadedRegistry,
): { work: PlannedWork; preview: TrueUpPreview } {
  const preview = previewTrueUp(jurisdiction, registry.ledger, registry.records, body);
  return { work: trueUpWork(jurisdiction, body.commandId, preview, registry.records), preview };
}

@CommandHandler(TrueUpAllocation)
export class TrueUpAllocationHandler implements ICommandHandler<TrueUpAllocation> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: TrueUpAllocation): Promise<TrueUpView> {
    const { jurisdiction, body } = command;
    let preview: TrueUpPreview | undefined;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => {
        const planned = planTrueUp(command, r);
        preview = planned.preview;
        return planned.work;
      },
    );
    return { ...commandResult(body.commandId, jurisdiction, outcome), preview: preview as TrueUpPreview };
  }
}
