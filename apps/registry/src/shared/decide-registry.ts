import { canonicalJson, handle, type LedgerCommand, type LedgerEvent, type LedgerState } from '@app/ledger';
import { REGISTRY_ERRORS, RegistryError, translateLedgerError } from './registry-errors';
import { evolveRecords, type RecordEvent, type RegistryRecords } from './registry-records';
import { eventsOfCommand, type LoadedRegistry } from './registry-state';
import type { CommandPlan, RegistryCommandContext } from './registry-streams';
import { missingSystemAccounts } from './system-accounts';
import { ownValue } from './own-value';

/** What a use case plans: registry records first (e.g. an auction result), then ledger commands. */
export interface PlannedWork {
  readonly records?: readonly RecordEvent[];
  readonly commands?: readonly LedgerCommand[];
}

export type RegistryEvent = LedgerEvent | RecordEvent;

export interface RegistryDecision {
  /** Every event to append (system accounts opened on first use, then the command's own). */
  readonly toAppend: readonly RegistryEvent[];
  /** The command's own ledger events: new ones, or on a retry the ones it produced the first time. */
  readonly own: readonly LedgerEvent[];
  readonly records: readonly RecordEvent[];
  readonly replayed: boolean;
  readonly ledger: LedgerState;
  readonly registryRecords: RegistryRecords;
}

const conflict = (commandId: string): RegistryError =>
  new RegistryError(
    REGISTRY_ERRORS.COMMAND_ID_CONFLICT,
    `command id ${commandId} was used for a different command`,
    {
      commandId,
      field: 'commandId',
    },
  );

const recordsOfCommand = (records: RegistryRecords, commandId: string): RecordEvent[] =>
  Object.values(records.byCommand).filter(
    (r) => r.commandId === commandId || r.commandId.startsWith(`${commandId}:`),
  );

/** Pure: plan on the loaded state, then decide records and ledger commands in order. */
export function decideRegistry(
  loaded: LoadedRegistry,
  context: RegistryCommandContext,
  plan: CommandPlan,
): RegistryDecision {
  try {
    const planned = plan(loaded);
    const work: PlannedWork = Array.isArray(planned) ? { commands: planned } : (planned as PlannedWork);
    let repeated = 0;
    let registryRecords = loaded.records;
    const newRecords: RecordEvent[] = [];
    for (const record of work.records ?? []) {
      const seen = ownValue(registryRecords.byCommand, record.commandId);
      if (seen !== undefined) {
        if (canonicalJson(seen) !== canonicalJson(record)) throw conflict(context.commandId);
        repeated++;
        continue;
      }
      registryRecords = evolveRecords(registryRecords, record);
      newRecords.push(record);
    }
    let ledger = loaded.ledger;
    const events: LedgerEvent[] = [];
    for (const command of [
      ...missingSystemAccounts(loaded.ledger, context.jurisdiction),
      ...(work.commands ?? []),
    ]) {
      const step = handle(ledger, command);
      if (step.events.length === 0) repeated++;
      ledger = step.state;
      events.push(...step.events);
    }
    const own = events.filter((e) => !e.commandId.startsWith('system:'));
    const fresh = own.length + newRecords.length;
    // A composite command (allocation: issue then transfers) is wholly new or wholly a retry.
    if (fresh > 0 && repeated > 0) throw conflict(context.commandId);
    if (fresh === 0)
      return {
        toAppend: [],
        own: eventsOfCommand(loaded.ledger, context.commandId),
        records: recordsOfCommand(loaded.records, context.commandId),
        replayed: true,
        ledger: loaded.ledger,
        registryRecords: loaded.records,
      };
    return {
      toAppend: [...newRecords, ...events],
      own,
      records: newRecords,
      replayed: false,
      ledger,
      registryRecords,
    };
  } catch (error) {
    throw translateLedgerError(error);
  }
}
