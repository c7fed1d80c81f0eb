import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { expiredPieces, rangeSize, type LedgerCommand } from '@app/ledger';
import { commandResult, type CommandResultView } from '../../shared/command-result';
import type { PlannedWork } from '../../shared/decide-registry';
import { movedRanges } from '../../shared/move.view';
import type { ExpiryRun } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import type { SerialRangeView } from '../../shared/serial-text';
import { systemAccountId } from '../../shared/system-accounts';
import { custodyAccountId } from '../../custody/custody-account';
import { ExpireUnits } from './expire-units.command';

export interface ExpiryView extends CommandResultView {
  readonly expired: number;
  readonly ranges: readonly SerialRangeView[];
  /** Expired units left in the exchange's custody account: they expire once withdrawn. */
  readonly waitingInCustody: number;
}

/**
 * Every unlocked piece past its validity (pollutant rights: 5 years; rights allocated with a
 * `validThrough`) is cancelled by serial range into the cancellation account with the reason
 * `expired`, so the serial history shows when and why it left circulation. Locked units (offered
 * in an auction, held for recognition) wait for the next run after their release. So do units in
 * the exchange's custody account: the exchange credits them to its members, and cancelling them
 * here would leave its books holding units the registry no longer has; they expire once withdrawn
 * to their member's account, and the run reports how many wait there (`waitingInCustody`).
 */
export function planExpireUnits({ jurisdiction, body }: ExpireUnits, registry: LoadedRegistry): PlannedWork {
  const earlier = registry.records.byCommand[body.commandId];
  if (earlier?.type === 'ExpiryRun') return { records: [earlier] };
  const custody = custodyAccountId(jurisdiction);
  const expired = expiredPieces(registry.ledger, body.asOfYear).filter(
    (p) => body.kind === undefined || registry.ledger.blocks[p.blockId]?.kind === body.kind,
  );
  const pieces = expired.filter((p) => p.accountId !== custody);
  const waitingInCustody = expired
    .filter((p) => p.accountId === custody)
    .reduce((s, p) => s + rangeSize(p), 0);
  const commands: LedgerCommand[] = pieces.map((p) => ({
    type: 'CancelUnits',
    commandId: `${body.commandId}:expire:${p.start}`,
    from: p.accountId,
    to: systemAccountId(jurisdiction, 'CANCELLATION'),
    selection: { by: 'serials', start: p.start, end: p.end },
    reason: `expired (validity ended before ${body.asOfYear})`,
  }));
  const run: ExpiryRun = {
    type: 'ExpiryRun',
    commandId: body.commandId,
    asOfYear: body.asOfYear,
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    expired: pieces.reduce((s, p) => s + rangeSize(p), 0),
    ...(waitingInCustody > 0 ? { waitingInCustody } : {}),
  };
  return { records: [run], commands };
}

@CommandHandler(ExpireUnits)
export class ExpireUnitsHandler implements ICommandHandler<ExpireUnits> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: ExpireUnits): Promise<ExpiryView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planExpireUnits(command, r),
    );
    const moved = movedRanges(outcome.registry.ledger, outcome.events);
    const run = outcome.records.find((r) => r.type === 'ExpiryRun');
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      expired: moved.quantity,
      ranges: moved.ranges,
      waitingInCustody: run?.type === 'ExpiryRun' ? (run.waitingInCustody ?? 0) : 0,
    };
  }
}
