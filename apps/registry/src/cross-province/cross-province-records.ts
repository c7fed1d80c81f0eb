import type { InstrumentKind, Principal } from '@app/domain';
import { withEntries } from '@app/domain';

export type TransferSide = 'outflow' | 'inflow';

/** Units of the origin registry moved by a transfer, as locked and then cancelled there. */
export interface OriginRange {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly first: string;
  readonly last: string;
  readonly vintage: number;
  readonly validThrough?: number;
}

/** In the seller's (origin) registry stream, with the lock of the units in the same append. */
export interface CrossProvinceTransferRequested {
  readonly type: 'CrossProvinceTransferRequested';
  readonly commandId: string;
  readonly transferId: string;
  readonly from: 'CQ' | 'SC';
  readonly to: 'CQ' | 'SC';
  readonly sellerAccountId: string;
  readonly buyerAccountId: string;
  readonly kind: InstrumentKind;
  readonly vintage?: number;
  readonly quantity: number;
  readonly priceFen: number;
  /** Epoch ms from the injected clock; an undecided request expires at expiresAt. */
  readonly requestedAt: number;
  readonly expiresAt: number;
  /**
   * The signed-in principal who asked (absent: no principal's, e.g. AUTH_ENFORCE=off): the
   * departure, which moves the seller's units on this request, is checked against it again.
   */
  readonly requestedBy?: Principal;
}

/** A regulator's decision on its side, in the origin stream (the transfer's home). */
export interface CrossProvinceTransferDecided {
  readonly type: 'CrossProvinceTransferDecided';
  readonly commandId: string;
  readonly transferId: string;
  readonly side: TransferSide;
  readonly regulator: string;
  readonly decision: 'approved' | 'rejected';
  readonly reason?: string;
  readonly at: number;
  /** Set on the second approval: the ranges cancelled in the origin in the same append. */
  readonly departed?: readonly OriginRange[];
}

/** No decision (or only one approval) by expiresAt: the units are unlocked. */
export interface CrossProvinceTransferExpired {
  readonly type: 'CrossProvinceTransferExpired';
  readonly commandId: string;
  readonly transferId: string;
  readonly at: number;
}

/** In the buyer's (destination) registry stream, with the issuance of the arriving units. */
export interface CrossProvinceTransferArrived {
  readonly type: 'CrossProvinceTransferArrived';
  readonly commandId: string;
  readonly transferId: string;
  readonly origin: 'CQ' | 'SC';
  readonly buyerAccountId: string;
  readonly kind: InstrumentKind;
  readonly quantity: number;
  readonly originRanges: readonly OriginRange[];
}

/** Back in the origin stream: the destination issued the units (their first and last serial text). */
export interface CrossProvinceTransferCompleted {
  readonly type: 'CrossProvinceTransferCompleted';
  readonly commandId: string;
  readonly transferId: string;
  readonly arrivedAs: readonly { readonly first: string; readonly last: string; readonly quantity: number }[];
}

export type CrossProvinceRecordEvent =
  | CrossProvinceTransferRequested
  | CrossProvinceTransferDecided
  | CrossProvinceTransferExpired
  | CrossProvinceTransferArrived
  | CrossProvinceTransferCompleted;

export const CROSS_PROVINCE_RECORD_TYPES = [
  'CrossProvinceTransferRequested',
  'CrossProvinceTransferDecided',
  'CrossProvinceTransferExpired',
  'CrossProvinceTransferArrived',
  'CrossProvinceTransferCompleted',
] as const;

export type TransferStatus = 'pending' | 'rejected' | 'expired' | 'departed' | 'completed';

export interface TransferState {
  readonly request: CrossProvinceTransferRequested;
  readonly status: TransferStatus;
  readonly decisions: Partial<Record<TransferSide, CrossProvinceTransferDecided>>;
  readonly departed?: readonly OriginRange[];
  readonly expired?: CrossProvinceTransferExpired;
  readonly completed?: CrossProvinceTransferCompleted;
}

export interface CrossProvinceBook {
  /** Transfers out of this registry, by id. */
  readonly outgoing: Readonly<Record<string, TransferState>>;
  /** Transfers into this registry, by id. */
  readonly incoming: Readonly<Record<string, CrossProvinceTransferArrived>>;
}

export const EMPTY_CROSS_PROVINCE_BOOK: CrossProvinceBook = { outgoing: {}, incoming: {} };

const statusAfter = (decisions: TransferState['decisions']): TransferStatus => {
  const all = Object.values(decisions);
  if (all.some((d) => d.decision === 'rejected')) return 'rejected';
  return decisions.outflow?.decision === 'approved' && decisions.inflow?.decision === 'approved'
    ? 'departed'
    : 'pending';
};

export function evolveCrossProvince(
  book: CrossProvinceBook = EMPTY_CROSS_PROVINCE_BOOK,
  event: CrossProvinceRecordEvent,
): CrossProvinceBook {
  const with_ = (id: string, f: (t: TransferState) => TransferState): CrossProvinceBook => {
    const current = book.outgoing[id];
    return current ? { ...book, outgoing: withEntries(book.outgoing, { [id]: f(current) }) } : book;
  };
  switch (event.type) {
    case 'CrossProvinceTransferRequested':
      return {
        ...book,
        outgoing: withEntries(book.outgoing, {
          [event.transferId]: { request: event, status: 'pending', decisions: {} },
        }),
      };
    case 'CrossProvinceTransferDecided':
      return with_(event.transferId, (t) => {
        const decisions = { ...t.decisions, [event.side]: event };
        return {
          ...t,
          decisions,
          status: statusAfter(decisions),
          ...(event.departed ? { departed: event.departed } : {}),
        };
      });
    case 'CrossProvinceTransferExpired':
      return with_(event.transferId, (t) => ({ ...t, status: 'expired', expired: event }));
    case 'CrossProvinceTransferCompleted':
      return with_(event.transferId, (t) => ({ ...t, status: 'completed', completed: event }));
    case 'CrossProvinceTransferArrived':
      return { ...book, incoming: withEntries(book.incoming, { [event.transferId]: event }) };
  }
}
