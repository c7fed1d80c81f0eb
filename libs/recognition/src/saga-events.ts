import type { InstrumentKind, Principal } from '@app/domain';
import type { Province } from '@app/pricing';
import type { RecognitionUse } from './agreement';
import type { RejectionReason } from './errors';

/** Serials are unique within one province's registry (as in @app/ledger): `[start, end]` inclusive. */
export interface SerialRange {
  readonly start: number;
  readonly end: number;
}

export interface RecognitionRequest {
  readonly requestId: string;
  readonly holderId: string;
  readonly origin: Province;
  readonly destination: Province;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly projectType: string;
  readonly projectId?: string;
  /** The origin serials to be recognised, all held by the holder. */
  readonly range: SerialRange;
  readonly use: RecognitionUse;
  /** Calendar year against whose quota the request counts (from the injected clock). */
  readonly year: number;
  /** Epoch ms of the request (from the injected clock): the saga's timeout runs from here. */
  readonly requestedAtMs: number;
}

export type RecognitionRequested = {
  readonly type: 'RecognitionRequested';
  readonly requestId: string;
  readonly request: RecognitionRequest;
  readonly agreementVersion: string;
  readonly ruleId: string;
  readonly originQuantity: number;
  readonly destinationQuantity: number;
  /**
   * The signed-in principal who asked (absent: a request of no principal's, e.g. with
   * AUTH_ENFORCE=off): the steps acting in the holder's name are checked against it again.
   */
  readonly requestedBy?: Principal;
};
/** Refused up front: no registry was touched; the saga is over. */
export type RecognitionRequestRejected = {
  readonly type: 'RecognitionRequestRejected';
  readonly requestId: string;
  readonly request: RecognitionRequest;
  readonly reasons: readonly RejectionReason[];
};
export type OriginRangeLocked = {
  readonly type: 'OriginRangeLocked';
  readonly requestId: string;
  readonly lockId: string;
};
/** The destination registry issued recognised units that carry the origin serials as provenance. */
export type RecognisedUnitsIssued = {
  readonly type: 'RecognisedUnitsIssued';
  readonly requestId: string;
  readonly destinationRange: SerialRange;
};
/** The origin cancelled the range, "transferred for recognition": the pivot, after which there is no way back. */
export type OriginRangeCancelled = { readonly type: 'OriginRangeCancelled'; readonly requestId: string };
export type RecognitionCompleted = { readonly type: 'RecognitionCompleted'; readonly requestId: string };
export type RecognitionFailed = {
  readonly type: 'RecognitionFailed';
  readonly requestId: string;
  readonly reason: 'REJECTED_BY_ORIGIN' | 'REJECTED_BY_DESTINATION' | 'TIMED_OUT';
  readonly detail?: string;
};
export type RecognisedUnitsRevoked = { readonly type: 'RecognisedUnitsRevoked'; readonly requestId: string };
export type OriginRangeUnlocked = { readonly type: 'OriginRangeUnlocked'; readonly requestId: string };
export type RecognitionCompensated = { readonly type: 'RecognitionCompensated'; readonly requestId: string };

export type RecognitionEvent =
  | RecognitionRequested
  | RecognitionRequestRejected
  | OriginRangeLocked
  | RecognisedUnitsIssued
  | OriginRangeCancelled
  | RecognitionCompleted
  | RecognitionFailed
  | RecognisedUnitsRevoked
  | OriginRangeUnlocked
  | RecognitionCompensated;

export type RecognitionEventType = RecognitionEvent['type'];
