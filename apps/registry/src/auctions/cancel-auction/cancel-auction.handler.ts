import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { openAuction, scheduledAuction } from '../shared/auction-guards';
import { settle, settlementCommands } from '../shared/auction-settlement';
import { CancelAuction } from './cancel-auction.command';

/** The regulator calls an open auction off: every guarantee released, the volume carried forward. */
export function planCancelAuction(
  { jurisdiction, auctionId, body }: CancelAuction,
  registry: LoadedRegistry,
): PlannedWork {
  const earlier = registry.records.byCommand[`${body.commandId}:settle`];
  if (earlier?.type === 'AuctionSettled')
    return {
      records: [earlier],
      commands: settlementCommands(
        jurisdiction,
        body.commandId,
        scheduledAuction(registry, auctionId),
        earlier,
      ),
    };
  const auction = openAuction(registry, auctionId);
  const settled = settle(body.commandId, auction, { ccrReleased: 0, reason: body.reason });
  return { records: [settled], commands: settlementCommands(jurisdiction, body.commandId, auction, settled) };
}

@CommandHandler(CancelAuction)
export class CancelAuctionHandler implements ICommandHandler<CancelAuction> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: CancelAuction): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planCancelAuction(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
