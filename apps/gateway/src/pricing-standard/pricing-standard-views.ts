import {
  awaitingApproval,
  PROVINCES,
  type PricingStandardState,
  type Province,
  type VersionState,
} from '@app/pricing';
import type { PricingStandard } from '@app/pricing';

export type VersionStatus = 'proposed' | 'approved-by-one' | 'adopted';

export interface PricingStandardVersionView {
  version: string;
  title: string;
  status: VersionStatus;
  proposedBy: Province;
  approvals: Partial<Record<Province, { regulator: string; effectiveFrom: string }>>;
  /** Provinces whose regulator has still to approve (empty once adopted). */
  awaiting: Province[];
  /** Set once both provinces approved: the date from which it is the standard (if no later one). */
  effectiveFrom?: string;
  /** True when this version is the standard in force on the date asked about (today by default). */
  inForce: boolean;
  document?: PricingStandard;
}

export function versionView(
  state: PricingStandardState,
  v: VersionState<PricingStandard>,
  proposedBy: Province,
  inForceVersion: string | undefined,
  withDocument = false,
): PricingStandardVersionView {
  const approvedBy = PROVINCES.filter((p) => v.approvals[p]);
  return {
    version: v.version,
    title: v.document.title,
    status: v.adoptedFrom !== undefined ? 'adopted' : approvedBy.length > 0 ? 'approved-by-one' : 'proposed',
    proposedBy,
    approvals: Object.fromEntries(approvedBy.map((p) => [p, { ...v.approvals[p] }])),
    awaiting: awaitingApproval(state, v.version),
    ...(v.adoptedFrom === undefined ? {} : { effectiveFrom: v.adoptedFrom }),
    inForce: v.version === inForceVersion,
    ...(withDocument ? { document: v.document } : {}),
  };
}
