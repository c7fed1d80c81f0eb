import { assertAuthorized } from '@app/domain';
import { formatSerial, rangeSize, type LedgerCommand } from '@app/ledger';
import { JOINT_REGULATORS, type RegulatorDirectory } from '@app/pricing';
import type { PlannedWork } from '../../shared/decide-registry';
import type { LoadedRegistry } from '../../shared/registry-state';
import { storedRecordOf } from '../../shared/stored-record';
import { systemAccountId } from '../../shared/system-accounts';
import type {
  CrossProvinceTransferDecided,
  OriginRange,
  TransferSide,
  TransferState,
} from '../cross-province-records';
import { CROSS_PROVINCE_ERRORS as E, crossProvinceError } from '../cross-province-errors';
import { transferLockId } from '../transfer-ids';
import type { DecideTransferDto } from './decide-transfer.dto';
import { ownValue } from '../../shared/own-value';

export const outgoingTransfer = (origin: LoadedRegistry, transferId: string): TransferState => {
  const transfer = ownValue(origin.records.crossProvince.outgoing, transferId);
  if (!transfer)
    throw crossProvinceError(E.UNKNOWN_TRANSFER, `no cross-province transfer ${transferId}`, 'transferId');
  return transfer;
};

/** The seller's regulator decides the outflow, the buyer's the inflow; nobody else decides either. */
export function assertRegulatorOfSide(
  transfer: TransferState,
  side: TransferSide,
  regulator: string,
  directory: RegulatorDirectory = JOINT_REGULATORS,
): void {
  const province = ownValue(directory, regulator);
  const sideProvince = side === 'outflow' ? transfer.request.from : transfer.request.to;
  if (province === undefined)
    throw crossProvinceError(
      E.FORBIDDEN,
      `${regulator} is not a regulator (${Object.keys(directory).join(', ')})`,
      'regulator',
    );
  if (province !== sideProvince)
    throw crossProvinceError(
      E.FORBIDDEN,
      `the ${side} of ${transfer.request.transferId} is decided by the ${sideProvince} regulator, not ${regulator} (${province})`,
      'regulator',
    );
}

/**
 * On the seller's registry. A rejection unlocks the units. The second approval unlocks them and
 * cancels them into `{from}-CANCELLATION` ("transferred to {to}") in the same append; the
 * destination then issues them (`planArrival`).
 */
export function planDecideTransfer(
  origin: LoadedRegistry,
  transferId: string,
  side: TransferSide,
  body: DecideTransferDto,
  now: number,
  /** Who may sign: the signed-in regulator only, while one acts (`signingRegulators`). */
  regulators: RegulatorDirectory = JOINT_REGULATORS,
): PlannedWork {
  const transfer = outgoingTransfer(origin, transferId);
  const decision: CrossProvinceTransferDecided['decision'] =
    body.decision === 'approve' ? 'approved' : 'rejected';
  const stored = storedRecordOf<CrossProvinceTransferDecided>(
    origin,
    body.commandId,
    'CrossProvinceTransferDecided',
    (s) =>
      s.transferId === transferId &&
      s.side === side &&
      s.regulator === body.regulator &&
      s.decision === decision &&
      (s.reason ?? null) === (body.reason ?? null),
  );
  if (stored) return { records: [stored] };
  assertRegulatorOfSide(transfer, side, body.regulator, regulators);
  if (transfer.status !== 'pending')
    throw crossProvinceError(E.STATUS_CONFLICT, `transfer ${transferId} is ${transfer.status}`, 'transferId');
  // Late decisions are refused without writing; the sweep expires the request and unlocks the units.
  if (now >= transfer.request.expiresAt)
    throw crossProvinceError(
      E.STATUS_CONFLICT,
      `the approval window of ${transferId} closed at ${new Date(transfer.request.expiresAt).toISOString()}`,
      'transferId',
    );
  if (transfer.decisions[side])
    throw crossProvinceError(
      E.DUPLICATE_DECISION,
      `the ${side} of ${transferId} is already ${transfer.decisions[side]?.decision}`,
      'transferId',
    );
  if (decision === 'rejected' && body.reason === undefined)
    throw crossProvinceError(E.REASON_REQUIRED, 'a rejection states its reason', 'reason');

  const base = {
    type: 'CrossProvinceTransferDecided' as const,
    commandId: body.commandId,
    transferId,
    side,
    regulator: body.regulator,
    decision,
    ...(body.reason !== undefined ? { reason: body.reason } : {}),
    at: now,
  };
  const unlock: LedgerCommand = {
    type: 'UnlockUnits',
    commandId: `${body.commandId}:unlock`,
    lockId: transferLockId(transferId),
  };
  if (decision === 'rejected') return { records: [base], commands: [unlock] };
  const other = transfer.decisions[side === 'outflow' ? 'inflow' : 'outflow'];
  if (other?.decision !== 'approved') return { records: [base] };

  assertRequesterHolds(transfer);
  const departed = lockedRanges(origin, transfer);
  const { from, to, buyerAccountId } = transfer.request;
  return {
    records: [{ ...base, departed }],
    commands: [
      unlock,
      ...departed.map((r, i): LedgerCommand => ({
        type: 'CancelUnits',
        commandId: `${body.commandId}:cancel:${i}`,
        from: transfer.request.sellerAccountId,
        to: systemAccountId(from, 'CANCELLATION'),
        selection: { by: 'serials', start: r.start, end: r.end },
        reason: `transferred to ${to} (cross-province transfer ${transferId} to ${buyerAccountId})`,
      })),
    ],
  };
}

/**
 * The departure moves the seller's units on the holder's request, in the approving regulator's
 * name: checked again against who asked (its principal, recorded with the request), 403
 * `ACCESS.FORBIDDEN` if the seller's account was never its to move. A request of no principal's
 * (the services' own, AUTH_ENFORCE=off) is not.
 */
export function assertRequesterHolds(transfer: TransferState): void {
  const { requestedBy, sellerAccountId, from } = transfer.request;
  if (requestedBy)
    assertAuthorized(requestedBy, 'registry.hold', [{ owners: [sellerAccountId], jurisdiction: from }]);
}

/** The units the request locked, with their serial text and the attributes the destination keeps. */
export function lockedRanges(origin: LoadedRegistry, transfer: TransferState): OriginRange[] {
  const lockId = transferLockId(transfer.request.transferId);
  return (origin.ledger.holdings[transfer.request.sellerAccountId] ?? [])
    .filter((p) => p.lockId === lockId)
    .map((p) => {
      const block = origin.ledger.blocks[p.blockId];
      if (!block) throw new Error(`block ${p.blockId} missing`);
      return {
        blockId: p.blockId,
        start: p.start,
        end: p.end,
        first: formatSerial(block, p.start),
        last: formatSerial(block, p.end),
        vintage: block.vintage,
        ...(block.validThrough !== undefined ? { validThrough: block.validThrough } : {}),
      };
    });
}

export const rangesQuantity = (ranges: readonly { start: number; end: number }[]): number =>
  ranges.reduce((sum, r) => sum + rangeSize(r), 0);
