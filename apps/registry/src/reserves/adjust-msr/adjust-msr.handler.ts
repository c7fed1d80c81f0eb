import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { msrIntake, msrRelease, type MsrRules } from '@app/allocation';
import { balanceOf, type LedgerCommand, type LedgerState } from '@app/ledger';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { msrKey, type MsrAdjusted } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { AdjustMsr } from './adjust-msr.command';

const KIND = 'CARBON_ALLOWANCE';

/** Allowances of every vintage held by enterprises: the registry's "total number in circulation". */
export function circulation(ledger: LedgerState, jurisdiction: RegistryJurisdiction): number {
  return Object.values(ledger.accounts)
    .filter((a) => a.accountType === 'ENTERPRISE_HOLDING')
    .reduce((s, a) => s + balanceOf(ledger, a.accountId, { jurisdiction, kind: KIND }), 0);
}

/**
 * One MSR year: above `upper` units in circulation, the intake moves from the auction account
 * (future auction volume) to the reserve; below `lower`, `release` moves back. The intake is
 * capped by what the auction account holds unlocked (units already offered are not taken).
 */
export function planAdjustMsr({ jurisdiction, body }: AdjustMsr, registry: LoadedRegistry): PlannedWork {
  const { ledger, records } = registry;
  const earlier = records.msr[msrKey(body.year, KIND, body.vintage)];
  if (earlier && earlier.commandId !== body.commandId)
    throw new RegistryError(
      REGISTRY_ERRORS.DUPLICATE_MSR_RUN,
      `the MSR of ${body.year} was already adjusted`,
      {
        field: 'year',
      },
    );
  if (earlier) return { records: [earlier], commands: msrCommands(jurisdiction, earlier) };
  const rules: MsrRules = { ...body.rules, rounding: body.rules.rounding ?? 'half-up' };
  const filter = { jurisdiction, kind: KIND, vintage: body.vintage, lock: 'unlocked' } as const;
  const inCirculation = circulation(ledger, jurisdiction);
  const reserveBefore = balanceOf(ledger, systemAccountId(jurisdiction, 'RESERVE'), filter);
  const intakeDue = msrIntake(inCirculation, rules);
  const adjusted: MsrAdjusted = {
    type: 'MsrAdjusted',
    commandId: body.commandId,
    year: body.year,
    kind: KIND,
    vintage: body.vintage,
    circulation: inCirculation,
    reserveBefore,
    intakeDue,
    intake: Math.min(intakeDue, balanceOf(ledger, systemAccountId(jurisdiction, 'AUCTION'), filter)),
    release: msrRelease(inCirculation, reserveBefore, rules),
  };
  return { records: [adjusted], commands: msrCommands(jurisdiction, adjusted) };
}

function msrCommands(jurisdiction: RegistryJurisdiction, m: MsrAdjusted): LedgerCommand[] {
  const auction = systemAccountId(jurisdiction, 'AUCTION');
  const reserve = systemAccountId(jurisdiction, 'RESERVE');
  const take = (quantity: number) =>
    ({ by: 'quantity', quantity, jurisdiction, kind: m.kind, vintage: m.vintage }) as const;
  const commands: LedgerCommand[] = [];
  if (m.intake > 0)
    commands.push({
      type: 'TransferUnits',
      commandId: `${m.commandId}:intake`,
      from: auction,
      to: reserve,
      selection: take(m.intake),
    });
  if (m.release > 0)
    commands.push({
      type: 'TransferUnits',
      commandId: `${m.commandId}:release`,
      from: reserve,
      to: auction,
      selection: take(m.release),
    });
  return commands;
}

@CommandHandler(AdjustMsr)
export class AdjustMsrHandler implements ICommandHandler<AdjustMsr> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: AdjustMsr): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planAdjustMsr(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
