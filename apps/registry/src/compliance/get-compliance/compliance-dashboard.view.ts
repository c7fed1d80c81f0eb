import type { ComplianceStatus, JurisdictionSummary } from '@app/compliance';
import { journalEvents, type LedgerState } from '@app/ledger';
import { reportKey, type RegistryRecords } from '../../shared/registry-records';

export interface FirmComplianceRow {
  readonly firmId: string;
  readonly accountId: string;
  readonly reportedEmissions: number;
  readonly verifiedEmissions?: number;
  readonly verifier?: string;
  /** Units surrendered for the year so far (any instrument). */
  readonly surrendered: number;
}

export interface ComplianceYearView {
  readonly complianceYear: number;
  readonly firms: readonly FirmComplianceRow[];
  /** The latest compliance run for the year, if any. */
  readonly lastRun?: {
    readonly commandId: string;
    readonly summary: JurisdictionSummary;
    readonly statuses: readonly ComplianceStatus[];
  };
}

/** Live reporting and surrender progress per year, with the latest recorded run. */
export function complianceDashboard(
  ledger: LedgerState,
  records: RegistryRecords,
  year?: number,
): ComplianceYearView[] {
  const surrendered = new Map<string, number>();
  for (const e of journalEvents(ledger))
    if (e.type === 'UnitsSurrendered') {
      const key = reportKey(e.from, e.complianceYear);
      surrendered.set(key, (surrendered.get(key) ?? 0) + e.quantity);
    }
  const years = new Set<number>([
    ...Object.values(records.reports).map((r) => r.complianceYear),
    ...Object.values(records.runs).map((r) => r.complianceYear),
  ]);
  return [...years]
    .filter((y) => year === undefined || y === year)
    .sort((a, b) => a - b)
    .map((complianceYear) => {
      const run = records.runs[String(complianceYear)];
      const firms = Object.values(records.reports)
        .filter((r) => r.complianceYear === complianceYear)
        .sort((a, b) => (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0))
        .map((r) => {
          const v = records.verifications[reportKey(r.firmId, complianceYear)];
          return {
            firmId: r.firmId,
            accountId: r.accountId,
            reportedEmissions: r.emissions,
            ...(v ? { verifiedEmissions: v.verifiedEmissions, verifier: v.verifier } : {}),
            surrendered: surrendered.get(reportKey(r.accountId, complianceYear)) ?? 0,
          };
        });
      return {
        complianceYear,
        firms,
        ...(run
          ? { lastRun: { commandId: run.commandId, summary: run.summary, statuses: run.statuses } }
          : {}),
      };
    });
}
