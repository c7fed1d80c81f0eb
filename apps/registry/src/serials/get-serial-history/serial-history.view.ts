import {
  formatSerial,
  historyOfSerial,
  pieceAt,
  type LedgerState,
  type SerialHistoryEntry,
} from '@app/ledger';
import type { CrossProvinceProvenance } from '../../cross-province/serial-provenance';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';

export interface SerialHistoryView {
  readonly serial: string;
  readonly number: number;
  readonly registry: RegistryJurisdiction;
  readonly kind: string;
  readonly vintage: number;
  readonly projectId?: string;
  readonly blockId: string;
  /** Where the unit is now, and its lock if any. */
  readonly accountId: string;
  readonly accountType: string;
  readonly lockId?: string;
  readonly events: readonly SerialHistoryEntry[];
  /** The serial on the other side of a cross-province transfer (`cross-province/serial-provenance.ts`). */
  readonly crossProvince?: CrossProvinceProvenance;
}

/** The history of `text` in one registry, if that registry issued exactly this serial. */
export function serialHistoryIn(
  registry: RegistryJurisdiction,
  ledger: LedgerState,
  text: string,
  serial: number,
): SerialHistoryView | undefined {
  const piece = pieceAt(ledger, serial);
  const block = piece ? ledger.blocks[piece.blockId] : undefined;
  if (!block || formatSerial(block, serial) !== text) return undefined;
  const history = historyOfSerial(ledger, serial);
  if (!history) return undefined;
  return {
    serial: text,
    number: serial,
    registry,
    kind: block.kind,
    vintage: block.vintage,
    ...(block.projectId !== undefined ? { projectId: block.projectId } : {}),
    blockId: block.blockId,
    accountId: history.accountId,
    accountType: ledger.accounts[history.accountId]?.accountType ?? 'UNKNOWN',
    ...(history.lockId !== undefined ? { lockId: history.lockId } : {}),
    events: history.events,
  };
}
