import { mulDiv } from '@app/domain';
import type { Province } from '@app/pricing';
import { RECOGNITION_ERRORS, RecognitionError } from './errors';

/** Per-province limits on offsets, and on recognised (other-province) credits among them. */
export interface ProvinceOffsetLimits {
  readonly province: Province;
  /** Offsets may cover at most this share of the basis (bp). */
  readonly offsetLimitBp: number;
  readonly basis: 'verified-emissions' | 'units-due';
  /** Local credits must make up at least this share of the offsets used (bp); 0 = none. */
  readonly localShareMinBp: number;
  /** Recognised credits at most this share of the entity's free allocation (bp); absent = no such cap. */
  readonly recognisedMaxOfAllocationBp?: number;
}

export interface OffsetPosition {
  readonly verifiedEmissions: number;
  readonly unitsDue: number;
  readonly allocation: number;
  readonly localOffsetsUsed: number;
  readonly recognisedOffsetsUsed: number;
}

export interface RecognisedRoom {
  /** Recognised units the entity may still surrender as offsets this cycle. */
  readonly room: number;
  readonly limits: { readonly offset: number; readonly localShare: number; readonly allocation: number };
}

const nonNeg = (v: number, field: string) => {
  if (!Number.isSafeInteger(v) || v < 0)
    throw new RecognitionError(RECOGNITION_ERRORS.BAD_PARAMETER, `${field} must be a non-negative integer`, {
      field,
    });
  return v;
};

/**
 * room = min(offset limit − all offsets used, local-share room, allocation cap − recognised used), ≥ 0, where
 * local-share room follows from local ÷ (local + recognised) ≥ m ⇔ recognised ≤ local × (1 − m) ÷ m (floor).
 * Same arithmetic as @app/compliance's evaluateOffsets, so the two never disagree.
 */
export function recognisedOffsetRoom(limits: ProvinceOffsetLimits, p: OffsetPosition): RecognisedRoom {
  for (const [k, v] of Object.entries(p)) nonNeg(v, k);
  const basis = limits.basis === 'verified-emissions' ? p.verifiedEmissions : p.unitsDue;
  const offsetCap = mulDiv(basis, limits.offsetLimitBp, 10_000, 'floor');
  const m = limits.localShareMinBp;
  const shareCap =
    m === 0 ? Number.MAX_SAFE_INTEGER : m >= 10_000 ? 0 : mulDiv(p.localOffsetsUsed, 10_000 - m, m, 'floor');
  const allocationCap =
    limits.recognisedMaxOfAllocationBp === undefined
      ? Number.MAX_SAFE_INTEGER
      : mulDiv(p.allocation, limits.recognisedMaxOfAllocationBp, 10_000, 'floor');
  const byOffset = offsetCap - p.localOffsetsUsed - p.recognisedOffsetsUsed;
  const byShare = shareCap - p.recognisedOffsetsUsed;
  const byAllocation = allocationCap - p.recognisedOffsetsUsed;
  return {
    room: Math.max(0, Math.min(byOffset, byShare, byAllocation)),
    limits: { offset: offsetCap, localShare: shareCap, allocation: allocationCap },
  };
}
