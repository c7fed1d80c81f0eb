import { emptyMap, mapSet } from '@app/domain';
import { journalEvents, type JournalNode, type LedgerEvent, type LedgerState } from '@app/ledger';
import { EMPTY_RECORDS, type RegistryRecords } from './registry-records';
import type { LoadedRegistry } from './registry-state';

/**
 * A registry state as plain JSON for the `snapshots` table. The ledger's processed-command map
 * (a hash trie) and journal (a linked list) are not plain JSON: the journal is stored as an array
 * and the map rebuilt from it, since every journal event carries its command id and fingerprint.
 */
export interface RegistrySnapshot {
  readonly format: 1;
  readonly ledger: Omit<LedgerState, 'processed' | 'journal'> & { readonly journal: readonly LedgerEvent[] };
  readonly records: RegistryRecords;
}

export function toSnapshot(loaded: LoadedRegistry): RegistrySnapshot {
  const { processed: _processed, journal: _journal, ...plain } = loaded.ledger;
  return { format: 1, ledger: { ...plain, journal: journalEvents(loaded.ledger) }, records: loaded.records };
}

export function fromSnapshot(version: number, snapshot: RegistrySnapshot): LoadedRegistry | undefined {
  if (snapshot.format !== 1) return undefined;
  const { journal: events, ...plain } = snapshot.ledger;
  let journal: JournalNode | undefined;
  let processed = emptyMap<string>();
  events.forEach((event, position) => {
    journal = { event, position, ...(journal ? { prev: journal } : {}) };
    processed = mapSet(processed, event.commandId, event.fingerprint);
  });
  return {
    version,
    ledger: { ...plain, processed, ...(journal ? { journal } : {}) },
    // Snapshots written before a record kind existed lack its (then empty) map.
    records: { ...EMPTY_RECORDS, ...snapshot.records },
  };
}
