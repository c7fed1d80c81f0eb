import { formatSerial, type LedgerCommand, type UnitsIssued } from '@app/ledger';
import type { PlannedWork } from '../../shared/decide-registry';
import { eventsOfCommand, type LoadedRegistry } from '../../shared/registry-state';
import type {
  CrossProvinceTransferArrived,
  CrossProvinceTransferCompleted,
  CrossProvinceTransferExpired,
  TransferState,
} from '../cross-province-records';
import { rangesQuantity } from '../decide-transfer/plan-decide-transfer';
import { arrivalCommandId, completionCommandId, expiryCommandId, transferLockId } from '../transfer-ids';
import { ownValue } from '../../shared/own-value';

/**
 * On the buyer's registry, after both approvals: one block per origin range, same kind, vintage and
 * validity, issued to the buyer; the record maps them to the origin serials. Fixed command id: a
 * second run (retry, sweep, another process) is a replay.
 */
export function planArrival(destination: LoadedRegistry, transfer: TransferState): PlannedWork {
  const { transferId, from, to, buyerAccountId, kind } = transfer.request;
  const commandId = arrivalCommandId(transferId);
  const done = ownValue(destination.records.crossProvince.incoming, transferId);
  if (done) return { records: [done] };
  const originRanges = transfer.departed ?? [];
  const record: CrossProvinceTransferArrived = {
    type: 'CrossProvinceTransferArrived',
    commandId,
    transferId,
    origin: from,
    buyerAccountId,
    kind,
    quantity: rangesQuantity(originRanges),
    originRanges,
  };
  return {
    records: [record],
    commands: originRanges.map((r, i): LedgerCommand => ({
      type: 'IssueUnits',
      commandId: `${commandId}:${i}`,
      accountId: buyerAccountId,
      jurisdiction: to,
      kind,
      vintage: r.vintage,
      ...(r.validThrough !== undefined ? { validThrough: r.validThrough } : {}),
      quantity: r.end - r.start + 1,
    })),
  };
}

/** The destination's blocks for a transfer, as serial text. */
export function arrivedAs(
  destination: LoadedRegistry,
  transferId: string,
): CrossProvinceTransferCompleted['arrivedAs'] {
  return eventsOfCommand(destination.ledger, arrivalCommandId(transferId))
    .filter((e): e is UnitsIssued => e.type === 'UnitsIssued')
    .map(({ block }) => ({
      first: formatSerial(block, block.start),
      last: formatSerial(block, block.end),
      quantity: block.end - block.start + 1,
    }));
}

/** Back on the seller's registry: the transfer is complete once the destination issued the units. */
export function planCompletion(
  origin: LoadedRegistry,
  destination: LoadedRegistry,
  transferId: string,
): PlannedWork {
  const transfer = ownValue(origin.records.crossProvince.outgoing, transferId);
  if (transfer?.completed) return { records: [transfer.completed] };
  const record: CrossProvinceTransferCompleted = {
    type: 'CrossProvinceTransferCompleted',
    commandId: completionCommandId(transferId),
    transferId,
    arrivedAs: arrivedAs(destination, transferId),
  };
  return { records: [record] };
}

/** A request still undecided (or approved on one side only) at its deadline: the units are unlocked. */
export function planExpiry(origin: LoadedRegistry, transfer: TransferState, now: number): PlannedWork {
  if (transfer.expired) return { records: [transfer.expired] };
  // Decided in the meantime (by another process): nothing to expire.
  if (transfer.status !== 'pending') return {};
  const commandId = expiryCommandId(transfer.request.transferId);
  const record: CrossProvinceTransferExpired = {
    type: 'CrossProvinceTransferExpired',
    commandId,
    transferId: transfer.request.transferId,
    at: now,
  };
  return {
    records: [record],
    commands: [
      {
        type: 'UnlockUnits',
        commandId: `${commandId}:unlock`,
        lockId: transferLockId(transfer.request.transferId),
      },
    ],
  };
}

export const isOverdue = (transfer: TransferState, now: number): boolean =>
  transfer.status === 'pending' && now >= transfer.request.expiresAt;
