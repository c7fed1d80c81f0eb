import { handle, type LedgerEvent, type LedgerState } from '@app/ledger';
import { translateLedgerError } from './registry-errors';
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
    for (const command of commands) {
      const step = handle(ledger, command);
      ledger = step.state;
      events.push(...step.events);
    }
    const own = events.filter((e) => !e.commandId.startsWith('system:'));
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
