import { canonicalJson } from '@app/ledger';
import { type RecognitionAgreement, type RecognitionRule } from './agreement';
import { REJECTION, RECOGNITION_ERRORS, RecognitionError, type RejectionReason } from './errors';
import {
  overlaps,
  quotaUsed,
  serialClaims,
  type ClaimStatus,
  type RecognitionState,
} from './recognition-state';
import type { RecognitionEvent, RecognitionRequest, SerialRange } from './saga-events';

/** A hold the origin registry itself reports on serials (e.g. a lock for a pending transfer, a surrender). */
export interface RegistryHold {
  readonly range: SerialRange;
  readonly status: 'locked' | 'cancelled';
}

export type RecognitionCheck =
  | {
      readonly accepted: true;
      readonly rule: RecognitionRule;
      readonly originQuantity: number;
      readonly destinationQuantity: number;
    }
  | { readonly accepted: false; readonly reasons: readonly RejectionReason[] };

const CLAIM_REASON: Record<ClaimStatus, RejectionReason> = {
  locked: REJECTION.SERIALS_LOCKED,
  cancelled: REJECTION.SERIALS_CANCELLED,
  recognised: REJECTION.SERIALS_RECOGNISED,
};

/** Every reason the request fails, in a fixed order; accepted with the quantities when there is none. */
export function checkRecognitionRequest(
  agreement: RecognitionAgreement,
  state: RecognitionState,
  request: RecognitionRequest,
  registryHolds: readonly RegistryHold[] = [],
): RecognitionCheck {
  const reasons = new Set<RejectionReason>();
  const { range } = request;
  const validRange =
    Number.isSafeInteger(range.start) &&
    Number.isSafeInteger(range.end) &&
    range.start >= 1 &&
    range.end >= range.start;
  if (!validRange) reasons.add(REJECTION.BAD_RANGE);
  if (request.origin === request.destination) reasons.add(REJECTION.SAME_JURISDICTION);
  const rule = agreement.rules.find(
    (r) =>
      r.origin === request.origin &&
      r.destination === request.destination &&
      r.creditKinds.includes(request.kind),
  );
  const originQuantity = validRange ? range.end - range.start + 1 : 0;
  let destinationQuantity = 0;
  if (!rule) reasons.add(REJECTION.KIND_EXCLUDED);
  else {
    if (request.vintage < rule.vintages.from || request.vintage > rule.vintages.to)
      reasons.add(REJECTION.VINTAGE_EXCLUDED);
    if (rule.excludedProjectTypes.includes(request.projectType)) reasons.add(REJECTION.PROJECT_TYPE_EXCLUDED);
    if (!rule.uses.includes(request.use)) reasons.add(REJECTION.USE_NOT_ALLOWED);
    const scaled = BigInt(originQuantity) * BigInt(rule.conversion.num);
    // Whole units only: a fraction would be cancelled at origin without a counterpart (lost) or rounded up (created).
    if (scaled % BigInt(rule.conversion.den) !== 0n) reasons.add(REJECTION.CONVERSION_NOT_WHOLE);
    destinationQuantity = Number(scaled / BigInt(rule.conversion.den));
    if (quotaUsed(state, rule.ruleId, request.year) + destinationQuantity > rule.annualQuota)
      reasons.add(REJECTION.QUOTA_EXCEEDED);
  }
  if (validRange) {
    for (const c of serialClaims(state))
      if (c.origin === request.origin && overlaps(c.range, range)) reasons.add(CLAIM_REASON[c.status]);
    for (const h of registryHolds) if (overlaps(h.range, range)) reasons.add(CLAIM_REASON[h.status]);
  }
  if (reasons.size > 0 || !rule) return { accepted: false, reasons: [...reasons] };
  return { accepted: true, rule, originQuantity, destinationQuantity };
}

/**
 * The command side of a holder's request: `RecognitionRequested`, or `RecognitionRequestRejected` with every
 * reason (recorded so the holder sees why; no registry is touched). A retry with the same id and body yields [].
 */
export function requestRecognition(
  agreement: RecognitionAgreement,
  state: RecognitionState,
  request: RecognitionRequest,
  registryHolds: readonly RegistryHold[] = [],
): RecognitionEvent[] {
  const existing = state.sagas[request.requestId];
  if (existing) {
    if (canonicalJson(existing.request) === canonicalJson(request)) return [];
    throw new RecognitionError(
      RECOGNITION_ERRORS.DUPLICATE_REQUEST_ID,
      `request id ${request.requestId} reused`,
      {
        field: 'requestId',
      },
    );
  }
  const check = checkRecognitionRequest(agreement, state, request, registryHolds);
  if (!check.accepted)
    return [
      { type: 'RecognitionRequestRejected', requestId: request.requestId, request, reasons: check.reasons },
    ];
  return [
    {
      type: 'RecognitionRequested',
      requestId: request.requestId,
      request,
      agreementVersion: agreement.version,
      ruleId: check.rule.ruleId,
      originQuantity: check.originQuantity,
      destinationQuantity: check.destinationQuantity,
    },
  ];
}
