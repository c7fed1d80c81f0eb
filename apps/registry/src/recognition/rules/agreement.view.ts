import { awaitingApproval, type Province, type VersionState } from '@app/pricing';
import type { RecognitionAgreement, RecognitionRulesState } from '@app/recognition';

export interface AgreementView {
  readonly version: string;
  readonly status: 'proposed' | 'adopted';
  readonly document: RecognitionAgreement;
  readonly approvals: VersionState<RecognitionAgreement>['approvals'];
  /** Provinces whose regulator has still to approve (empty once adopted). */
  readonly awaiting: readonly Province[];
  readonly adoptedFrom?: string;
}

export function agreementView(
  state: RecognitionRulesState,
  v: VersionState<RecognitionAgreement>,
): AgreementView {
  return {
    version: v.version,
    status: v.adoptedFrom !== undefined ? 'adopted' : 'proposed',
    document: v.document,
    approvals: v.approvals,
    awaiting: awaitingApproval(state, v.version),
    ...(v.adoptedFrom !== undefined ? { adoptedFrom: v.adoptedFrom } : {}),
  };
}
