import type { StoredEvent } from '@app/event-store';
import { evolve, initialState, journalEvents, type LedgerEvent, type LedgerState } from '@app/ledger';

const LEDGER_EVENT_TYPES: ReadonlySet<string> = new Set<LedgerEvent['type']>([
  'AccountOpened',
  'UnitsIssued',
  'UnitsTransferred',
  'UnitsSurrendered',
  'UnitsRetired',
  'UnitsCancelled',
  'UnitsLocked',
  'UnitsUnlocked',
]);

export const isLedgerEventType = (type: string): boolean => LEDGER_EVENT_TYPES.has(type);

/** A registry stream folded: the ledger, at a stream version. */
export interface LoadedRegistry {
  readonly version: number;
  readonly ledger: LedgerState;
}

export const EMPTY_REGISTRY: LoadedRegistry = { version: 0, ledger: initialState };

/** Stored events carry the ledger event whole in `data`; other event types leave the ledger alone. */
export function foldStored(loaded: LoadedRegistry, events: readonly StoredEvent[]): LoadedRegistry {
  let ledger = loaded.ledger;
  let version = loaded.version;
  for (const e of events) {
    if (isLedgerEventType(e.type)) ledger = evolve(ledger, e.data as LedgerEvent);
    version = e.streamVersion;
  }
  return { version, ledger };
}

/** The events a command id (and its `id:sub` parts) produced, for answering a retry with the first answer. */
export function eventsOfCommand(ledger: LedgerState, commandId: string): LedgerEvent[] {
  const prefix = `${commandId}:`;
  return journalEvents(ledger).filter((e) => e.commandId === commandId || e.commandId.startsWith(prefix));
}
