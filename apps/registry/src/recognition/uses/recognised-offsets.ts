import type { ComplianceRules } from '@app/compliance';
import type { InstrumentKind, Jurisdiction } from '@app/domain';
import { pieceAt, type LedgerState } from '@app/ledger';
import { OFFSET_LIMITS, type RecognitionState } from '@app/recognition';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';

/** Project type given to units recognised for voluntary retirement only: excluded from compliance offsets. */
export const VOLUNTARY_ONLY = 'recognised-for-voluntary-retirement';

/** How a compliance run sees a recognised block: issued by its origin, with the request's project facts. */
export interface RecognisedOrigin {
  readonly origin: Jurisdiction;
  readonly projectType: string;
  /** The agreement's vintage window stands in for the destination's project start-date rule. */
  readonly projectStartYear: number;
}

export interface RecognisedOffsets {
  /** Destination block id → its origin. */
  readonly originOf: ReadonlyMap<string, RecognisedOrigin>;
  /** The destination's rules with the recognised kinds eligible as (non-local) offsets, local share kept. */
  rules(base: ComplianceRules): ComplianceRules;
}

/**
 * What a compliance run in `jurisdiction` needs to count recognised units as offsets: each recognised block's
 * origin (so they count as non-local credits), and the kinds recognised for `compliance-offset` made eligible,
 * with the province's local-share minimum (`OFFSET_LIMITS`). Units recognised for voluntary retirement only
 * stay ineligible (`VOLUNTARY_ONLY` is excluded).
 */
export function recognisedOffsets(
  state: RecognitionState,
  ledger: LedgerState,
  jurisdiction: RegistryJurisdiction,
): RecognisedOffsets {
  const originOf = new Map<string, RecognisedOrigin>();
  const kinds = new Set<InstrumentKind>();
  for (const s of Object.values(state.sagas)) {
    if (s.status !== 'completed' || s.request.destination !== jurisdiction || !s.destinationRange) continue;
    const piece = pieceAt(ledger, s.destinationRange.start);
    if (!piece) continue;
    const forCompliance = s.request.use === 'compliance-offset';
    if (forCompliance) kinds.add(s.request.kind);
    originOf.set(piece.blockId, {
      origin: s.request.origin,
      projectType: forCompliance ? s.request.projectType : VOLUNTARY_ONLY,
      projectStartYear: s.request.vintage,
    });
  }
  return {
    originOf,
    rules: (base) =>
      kinds.size === 0
        ? base
        : {
            ...base,
            offsets: {
              ...base.offsets,
              eligibleKinds: [...new Set([...base.offsets.eligibleKinds, ...kinds])],
              excludedProjectTypes: [...base.offsets.excludedProjectTypes, VOLUNTARY_ONLY],
              localShareMinBp: base.offsets.localShareMinBp ?? OFFSET_LIMITS[jurisdiction].localShareMinBp,
            },
          },
  };
}
