import { DomainError, type Principal } from '@app/domain';
import { LEDGER_ERRORS, pickUnits, type UnitSelection } from '@app/ledger';
import type { PlannedWork } from '../../shared/decide-registry';
import type { LoadedRegistry } from '../../shared/registry-state';
import { sameJson, storedRecordOf } from '../../shared/stored-record';
import type { CrossProvinceTransferRequested } from '../cross-province-records';
import { CROSS_PROVINCE_ERRORS as E, crossProvinceError } from '../cross-province-errors';
import { transferLockId } from '../transfer-ids';
import { whyNotTransferable } from '../transferable-kinds';
import type { RequestTransferDto } from './request-transfer.dto';
import { ownValue } from '../../shared/own-value';

const HOUR_MS = 3_600_000;
export const DEFAULT_APPROVAL_WINDOW_HOURS = 168;

const askOf = (r: Omit<RequestTransferDto, 'commandId' | 'actor' | 'approvalWindowHours'>) => ({
  transferId: r.transferId,
  from: r.from,
  to: r.to,
  sellerAccountId: r.sellerAccountId,
  buyerAccountId: r.buyerAccountId,
  kind: r.kind,
  vintage: r.vintage,
  quantity: r.quantity,
  priceFen: r.priceFen,
});

/**
 * On the seller's registry: the request and the lock of the units, in one append. The buyer's
 * registry is only read (its account must exist); nothing is written there until both approve.
 */
export function planRequestTransfer(
  origin: LoadedRegistry,
  destination: LoadedRegistry,
  body: RequestTransferDto,
  now: number,
  /** Who asked, recorded with the request (docs/security.md, Handler-level checks). */
  requestedBy?: Principal,
): PlannedWork {
  const stored = storedRecordOf<CrossProvinceTransferRequested>(
    origin,
    body.commandId,
    'CrossProvinceTransferRequested',
    (s) => sameJson(askOf(s), askOf(body)),
  );
  if (stored) return { records: [stored] };
  if (body.from === body.to)
    throw crossProvinceError(E.SAME_PROVINCE, `seller and buyer are both in ${body.from}`, 'to');
  const notTransferable = whyNotTransferable(body.kind);
  if (notTransferable) throw crossProvinceError(E.KIND_NOT_ELIGIBLE, notTransferable, 'kind');
  if (
    ownValue(origin.records.crossProvince.outgoing, body.transferId) ||
    ownValue(destination.records.crossProvince.outgoing, body.transferId)
  )
    throw crossProvinceError(E.DUPLICATE_TRANSFER, `transfer ${body.transferId} exists`, 'transferId');
  if (ownValue(origin.ledger.accounts, body.sellerAccountId)?.accountType !== 'ENTERPRISE_HOLDING')
    throw crossProvinceError(
      E.UNKNOWN_SELLER,
      `no holding account ${body.sellerAccountId} in ${body.from}`,
      'sellerAccountId',
    );
  if (ownValue(destination.ledger.accounts, body.buyerAccountId)?.accountType !== 'ENTERPRISE_HOLDING')
    throw crossProvinceError(
      E.UNKNOWN_BUYER,
      `no holding account ${body.buyerAccountId} in ${body.to}`,
      'buyerAccountId',
    );
  const selection: UnitSelection = {
    by: 'quantity',
    quantity: body.quantity,
    jurisdiction: body.from,
    kind: body.kind,
    ...(body.vintage !== undefined ? { vintage: body.vintage } : {}),
  };
  assertHeld(origin, body, selection);
  const record: CrossProvinceTransferRequested = {
    type: 'CrossProvinceTransferRequested',
    commandId: body.commandId,
    ...askOf(body),
    requestedAt: now,
    expiresAt: now + (body.approvalWindowHours ?? DEFAULT_APPROVAL_WINDOW_HOURS) * HOUR_MS,
    ...(requestedBy ? { requestedBy } : {}),
  };
  return {
    records: [record],
    commands: [
      {
        type: 'LockUnits',
        commandId: `${body.commandId}:lock`,
        accountId: body.sellerAccountId,
        lockId: transferLockId(body.transferId),
        selection,
        reason: `cross-province transfer ${body.transferId} to ${body.to} awaiting both regulators`,
      },
    ],
  };
}

function assertHeld(origin: LoadedRegistry, body: RequestTransferDto, selection: UnitSelection): void {
  try {
    pickUnits(origin.ledger, body.sellerAccountId, selection);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code !== LEDGER_ERRORS.INSUFFICIENT_UNITS && error.code !== LEDGER_ERRORS.UNITS_LOCKED)
      throw error;
    const { available, locked } = error.details as { available: number; locked: number };
    throw crossProvinceError(
      E.RIGHTS_NOT_HELD,
      `${body.sellerAccountId} holds ${available} unlocked ${body.kind}${body.vintage !== undefined ? ` of ${body.vintage}` : ''} (${locked} locked), ${body.quantity} requested`,
      'quantity',
    );
  }
}
