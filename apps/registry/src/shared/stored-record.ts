import { canonicalJson } from '@app/ledger';
import { REGISTRY_ERRORS, RegistryError } from './registry-errors';
import type { RecordEvent } from './registry-records';
import { eventsOfCommand, type LoadedRegistry } from './registry-state';
import { ownValue } from './own-value';

/**
 * A record stamped with the clock cannot simply be planned again on a retry (the time differs), so a
 * command whose record is already stored answers with that record when the retry asks for the same
 * thing (`sameAsk` compares the inputs, not the stamps) — otherwise, or if the command id was spent on
 * another kind of command, 409 REGISTRY.COMMAND_ID_CONFLICT.
 */
export function storedRecordOf<T extends RecordEvent>(
  registry: LoadedRegistry,
  commandId: string,
  type: T['type'],
  sameAsk: (stored: T) => boolean,
): T | undefined {
  const seen = ownValue(registry.records.byCommand, commandId);
  const conflict = () =>
    new RegistryError(
      REGISTRY_ERRORS.COMMAND_ID_CONFLICT,
      `command id ${commandId} was used for a different command`,
      { commandId, field: 'commandId' },
    );
  if (seen === undefined) {
    if (eventsOfCommand(registry.ledger, commandId).length > 0) throw conflict();
    return undefined;
  }
  if (seen.type !== type || !sameAsk(seen as T)) throw conflict();
  return seen as T;
}

/** Inputs compared by value (key order ignored). */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
