import { JOINT_REGULATORS, type Province } from '@app/pricing';
import { isCalendarDay } from '../auctions/schedule-form';
import type { FieldError } from '../trading/order-ticket-rules';

/**
 * A version of a document the two provinces adopt by two keys (the pricing standard, the
 * recognition agreement), as the console shows it whichever service keeps it.
 */
export interface TwoKeyVersion<D = unknown> {
  version: string;
  title: string;
  status: 'proposed' | 'approved-by-one' | 'adopted';
  proposedBy?: Province;
  approvals: Partial<Record<Province, { regulator: string; effectiveFrom: string }>>;
  /** Provinces still to approve (none once adopted). */
  awaiting: Province[];
  /** Once adopted: the day from which it applies. */
  effectiveFrom?: string;
  /** The version in force today, when the service says so. */
  inForce?: boolean;
  document?: D;
}

/** The regulator id the joint services know for a province (`CQ-EEB`, `SC-DEE`). */
export function jointRegulatorId(province: Province): string {
  const entry = Object.entries(JOINT_REGULATORS).find(([, p]) => p === province);
  if (!entry) throw new Error(`no joint regulator for ${province}`);
  return entry[0];
}

/**
 * The services' checks on one province's key, before sending: the province has not approved
 * yet, the date is a real day, not before today when the service refuses past dates, and the
 * same day as the other province's key if it turned first (both keys must name one date).
 */
export function checkApproval(
  version: TwoKeyVersion,
  province: Province,
  effectiveFrom: string,
  rules: { today: string; notBeforeToday: boolean },
): { effectiveFrom?: string; error?: FieldError } {
  const day = effectiveFrom.trim();
  if (version.approvals[province]) return { error: { key: 'errors.alreadyApproved' } };
  if (!isCalendarDay(day)) return { error: { key: 'errors.date' } };
  if (rules.notBeforeToday && day < rules.today)
    return { error: { key: 'errors.dateInPast', params: { today: rules.today } } };
  const other = Object.values(version.approvals).find((a) => a !== undefined);
  if (other && other.effectiveFrom !== day)
    return { error: { key: 'errors.otherKeyDate', params: { date: other.effectiveFrom } } };
  return { effectiveFrom: day };
}

/** The day a key should propose: the other province's, or today. */
export function proposedEffectiveFrom(version: TwoKeyVersion, today: string): string {
  return Object.values(version.approvals).find((a) => a !== undefined)?.effectiveFrom ?? today;
}

export interface DocumentIssue {
  path: string;
  message: string;
}

/**
 * A proposed document as typed (JSON), checked by the same schema the service uses, and its
 * version not taken: the issues name their paths, as the service's 400 would.
 */
export function checkProposal<D extends { version: string }>(
  text: string,
  schema: {
    safeParse: (
      raw: unknown,
    ) =>
      | { success: true; data: D }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  takenVersions: readonly string[],
): { document?: D; error?: FieldError; issues: DocumentIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: { key: 'errors.json', params: { message: (e as Error).message } }, issues: [] };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(root)',
      message: i.message,
    }));
    return { error: { key: 'errors.document', params: { count: issues.length } }, issues };
  }
  if (takenVersions.includes(parsed.data.version))
    return { error: { key: 'errors.versionExists', params: { version: parsed.data.version } }, issues: [] };
  return { document: parsed.data, issues: [] };
}

/** The next version of the year after the ones taken: 2026.1 → 2026.2. */
export function nextVersion(taken: readonly string[], year: number): string {
  const numbers = taken.filter((v) => v.startsWith(`${year}.`)).map((v) => Number(v.split('.')[1]));
  return `${year}.${Math.max(0, ...numbers) + 1}`;
}
