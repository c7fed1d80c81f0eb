import { formatSerial, type UnitsIssued } from '@app/ledger';
import type { RegistryJurisdiction } from '../shared/registry-jurisdiction';
import { eventsOfCommand, type LoadedRegistry } from '../shared/registry-state';
import { ownValue } from '../shared/own-value';
import type { SerialHistoryView } from '../serials/get-serial-history/serial-history.view';
import { arrivalCommandId, transferLockId } from './transfer-ids';

/** Where a unit came from, or went to, by a cross-province transfer: the exact serial on the other side. */
export interface CrossProvinceProvenance {
  readonly transferId: string;
  readonly arrivedFrom?: string;
  readonly transferredTo?: string;
}

const ARRIVAL = /^xp:(.+):arrive:(\d+)$/;

/**
 * Units move one for one, in serial order: the i-th origin range became the i-th arrival block, so
 * a unit's offset in one is its offset in the other.
 */
export function crossProvinceProvenance(
  found: SerialHistoryView,
  registries: Readonly<Record<RegistryJurisdiction, LoadedRegistry>>,
): CrossProvinceProvenance | undefined {
  const here = registries[found.registry];
  const issued = found.events[0];
  const arrival = issued?.type === 'UnitsIssued' ? ARRIVAL.exec(issued.commandId) : null;
  if (arrival) {
    const [, transferId = '', index = ''] = arrival;
    const incoming = ownValue(here.records.crossProvince.incoming, transferId);
    const range = incoming?.originRanges[Number(index)];
    const block = here.ledger.blocks[found.blockId];
    const originBlock =
      range && incoming ? registries[incoming.origin].ledger.blocks[range.blockId] : undefined;
    if (!range || !block || !originBlock) return { transferId };
    return { transferId, arrivedFrom: formatSerial(originBlock, range.start + found.number - block.start) };
  }
  const lock = found.events.find((e) => e.type === 'UnitsLocked' && e.lockId?.startsWith('xp:'));
  if (!lock?.lockId) return undefined;
  const transferId = lock.lockId.slice(transferLockId('').length);
  const transfer = ownValue(here.records.crossProvince.outgoing, transferId);
  if (!transfer?.departed) return undefined;
  const index = transfer.departed.findIndex((r) => r.start <= found.number && found.number <= r.end);
  const range = transfer.departed[index];
  const arrived = eventsOfCommand(
    registries[transfer.request.to].ledger,
    arrivalCommandId(transferId),
  ).filter((e): e is UnitsIssued => e.type === 'UnitsIssued')[index];
  if (!range || !arrived) return { transferId };
  return {
    transferId,
    transferredTo: formatSerial(arrived.block, arrived.block.start + found.number - range.start),
  };
}
