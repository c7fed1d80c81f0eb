import type { StoredEvent } from '@app/event-store';
import { evolve, initialState, journalEvents, type LedgerEvent, type LedgerState } from '@app/ledger';
import {
  EMPTY_RECORDS,
  evolveRecords,
  isRecordEventType,
  type RecordEvent,
  type RegistryRecords,
} from './registry-records';

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

/** A registry stream folded: the ledger and the other registry records, at a stream version. */
export interface LoadedRegistry {
  readonly version: number;
  readonly ledger: LedgerState;
  readonly records: RegistryRecords;
}

export const EMPTY_REGISTRY: LoadedRegistry = { version: 0, ledger: initialState, records: EMPTY_RECORDS };

/** Stored events carry the ledger (or record) event whole in `data`; other event types leave the ledger alone. */
export function foldStored(loaded: LoadedRegistry, events: readonly StoredEvent[]): LoadedRegistry {
  let { ledger, records, version } = loaded;
  for (const e of events) {
    if (isLedgerEventType(e.type)) ledger = evolve(ledger, e.data as LedgerEvent);
    else if (isRecordEventType(e.type)) records = evolveRecords(records, e.data as RecordEvent);
    version = e.streamVersion;
  }
  return { version, ledger, records };
}

/** The events a command id (and its `id:sub` parts) produced, for answering a retry with the first answer. */
export function eventsOfCommand(ledger: LedgerState, commandId: string): LedgerEvent[] {
  const prefix = `${commandId}:`;
  return journalEvents(ledger).filter((e) => e.commandId === commandId || e.commandId.startsWith(prefix));
}
