import { handle, type LedgerEvent, type LedgerState } from '@app/ledger';
import { REGISTRY_ERRORS, RegistryError, translateLedgerError } from './registry-errors';
import type { RegistryJurisdiction } from './registry-jurisdiction';
import { eventsOfCommand, type LoadedRegistry } from './registry-state';
import type { CommandPlan, RegistryCommandContext } from './registry-streams';
import { missingSystemAccounts } from './system-accounts';

export interface RegistryDecision {
  /** Every event to append (system accounts opened on first use, then the command's own). */
  readonly toAppend: readonly LedgerEvent[];
  /** The command's own events: new ones, or on a retry the ones it produced the first time. */
  readonly own: readonly LedgerEvent[];
  readonly replayed: boolean;
  readonly ledger: LedgerState;
}

/** Pure: plan the ledger commands on the loaded state and decide them in order (decide + evolve). */
export function decideRegistry(
  loaded: LoadedRegistry,
  context: RegistryCommandContext,
  plan: CommandPlan,
): RegistryDecision {
  try {
    const jurisdiction: RegistryJurisdiction = context.jurisdiction;
    const commands = [...missingSystemAccounts(loaded.ledger, jurisdiction), ...plan(loaded)];
    let ledger = loaded.ledger;
    const events: LedgerEvent[] = [];
    let repeated = 0;
    for (const command of commands) {
      const step = handle(ledger, command);
      if (step.events.length === 0) repeated++;
      ledger = step.state;
      events.push(...step.events);
    }
    const own = events.filter((e) => !e.commandId.startsWith('system:'));
    // A composite command (allocation: issue then transfers) is wholly new or wholly a retry.
    if (own.length > 0 && repeated > 0)
      throw new RegistryError(
        REGISTRY_ERRORS.COMMAND_ID_CONFLICT,
        `command id ${context.commandId} was used for a different command`,
        { commandId: context.commandId, field: 'commandId' },
      );
    if (own.length === 0)
      return {
        toAppend: [],
        own: eventsOfCommand(loaded.ledger, context.commandId),
        replayed: true,
        ledger: loaded.ledger,
      };
    return { toAppend: events, own, replayed: false, ledger };
  } catch (error) {
    throw translateLedgerError(error);
  }
}
