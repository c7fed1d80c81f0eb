import type { PricingStandard, Province } from '@app/pricing';
import type { RecognitionAgreement } from '@app/recognition';
import type { TwoKeyVersion } from './two-key';

type Approvals = Partial<Record<Province, { regulator: string; effectiveFrom: string }>>;

/** `GET /pricing-standards` (gateway). */
export interface PricingStandardVersionView {
  version: string;
  title: string;
  status: 'proposed' | 'approved-by-one' | 'adopted';
  proposedBy: Province;
  approvals: Approvals;
  awaiting: Province[];
  effectiveFrom?: string;
  inForce: boolean;
  document?: PricingStandard;
}

/** `GET /recognition/agreements` (registry). */
export interface AgreementView {
  version: string;
  status: 'proposed' | 'adopted';
  document: RecognitionAgreement;
  approvals: Approvals;
  awaiting: Province[];
  adoptedFrom?: string;
}

/** `GET /market-mode/decisions` (gateway). */
export interface MarketModeRecord {
  version: string;
  mode: 'separate' | 'recognition-only' | 'linked';
  exchangeRatio: { CQ: number; SC: number };
  note?: string;
  approvals: Approvals;
  effectiveFrom?: string;
  status: 'proposed' | 'adopted';
}

/** `GET /recognition/requests` (registry): one holder's request and where its saga is. */
export interface RecognitionRequest {
  requestId: string;
  status: string;
  holderId: string;
  origin: string;
  destination: string;
  kind: string;
  vintage: number;
  projectType: string;
  use: string;
  requestedAt: string;
  agreementVersion?: string;
  ruleId?: string;
  originQuantity: number;
  destinationQuantity: number;
  failure?: string;
  /** The registry's words for the failure, when it gave them. */
  failureDetail?: string;
  nextStep?: string;
}

/** The agreement view in the shape both screens share (one approval is still `proposed` there). */
export function agreementVersion(v: AgreementView): TwoKeyVersion<RecognitionAgreement> {
  const keys = Object.values(v.approvals).filter(Boolean).length;
  return {
    version: v.version,
    title: v.document.title,
    status: v.status === 'adopted' ? 'adopted' : keys > 0 ? 'approved-by-one' : 'proposed',
    approvals: v.approvals,
    awaiting: v.awaiting,
    ...(v.adoptedFrom !== undefined ? { effectiveFrom: v.adoptedFrom } : {}),
    document: v.document,
  };
}
