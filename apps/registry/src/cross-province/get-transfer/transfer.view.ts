import type { LoadedRegistry } from '../../shared/registry-state';
import type {
  CrossProvinceTransferArrived,
  CrossProvinceTransferDecided,
  CrossProvinceTransferRequested,
  OriginRange,
  TransferStatus,
} from '../cross-province-records';
import { lockedRanges, outgoingTransfer } from '../decide-transfer/plan-decide-transfer';
import { arrivedAs } from '../sweep-transfers/plan-settlement';
import { ownValue } from '../../shared/own-value';

export interface TransferView {
  readonly transferId: string;
  readonly status: TransferStatus;
  readonly request: Omit<
    CrossProvinceTransferRequested,
    'type' | 'commandId' | 'requestedAt' | 'expiresAt' | 'requestedBy'
  > & {
    readonly requestedAt: string;
    readonly expiresAt: string;
    readonly totalFen: number;
  };
  readonly outflow?: Omit<CrossProvinceTransferDecided, 'type' | 'departed' | 'at'> & { readonly at: string };
  readonly inflow?: Omit<CrossProvinceTransferDecided, 'type' | 'departed' | 'at'> & { readonly at: string };
  /** Origin units: locked while pending; cancelled ("transferred to …") once departed. */
  readonly originUnits: readonly OriginRange[];
  /** Destination units issued to the buyer, each block against the origin range it replaces. */
  readonly arrived?: readonly {
    readonly first: string;
    readonly last: string;
    readonly quantity: number;
    readonly origin: { readonly first: string; readonly last: string };
  }[];
  readonly expiredAt?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

const decisionView = (d: CrossProvinceTransferDecided | undefined) => {
  if (!d) return undefined;
  const { type: _t, departed: _d, at, ...rest } = d;
  return { ...rest, at: iso(at) };
};

export function transferView(
  origin: LoadedRegistry,
  destination: LoadedRegistry,
  transferId: string,
): TransferView {
  const transfer = outgoingTransfer(origin, transferId);
  const {
    type: _type,
    commandId: _c,
    requestedAt,
    expiresAt,
    requestedBy: _by,
    ...request
  } = transfer.request;
  const arrival: CrossProvinceTransferArrived | undefined = ownValue(
    destination.records.crossProvince.incoming,
    transferId,
  );
  const outflow = decisionView(transfer.decisions.outflow);
  const inflow = decisionView(transfer.decisions.inflow);
  return {
    transferId,
    status: transfer.status,
    request: {
      ...request,
      requestedAt: iso(requestedAt),
      expiresAt: iso(expiresAt),
      totalFen: request.quantity * request.priceFen,
    },
    ...(outflow ? { outflow } : {}),
    ...(inflow ? { inflow } : {}),
    originUnits: transfer.departed ?? (transfer.status === 'pending' ? lockedRanges(origin, transfer) : []),
    ...(arrival
      ? {
          arrived: arrivedAs(destination, transferId).map((a, i) => ({
            ...a,
            origin: {
              first: arrival.originRanges[i]?.first ?? '',
              last: arrival.originRanges[i]?.last ?? '',
            },
          })),
        }
      : {}),
    ...(transfer.expired ? { expiredAt: iso(transfer.expired.at) } : {}),
  };
}
