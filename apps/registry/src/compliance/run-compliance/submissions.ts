import type { CreditLine, FirmSubmission } from '@app/compliance';
import { INSTRUMENTS, type Jurisdiction } from '@app/domain';
import { journalEvents, rangeSize, type LedgerState } from '@app/ledger';
import type { RegistryRecords } from '../../shared/registry-records';
import { reportKey } from '../../shared/registry-records';

export interface ProjectFacts {
  readonly projectType: string;
  readonly projectStartYear?: number;
}

interface Surrendered {
  allowances: Map<number, number>;
  credits: Map<string, CreditLine>;
}

/** A block recognised from another province: counted as issued there (see recognition/uses/recognised-offsets.ts). */
export interface RecognisedBlockOrigin extends ProjectFacts {
  readonly origin: Jurisdiction;
}

/** Units each account surrendered for `year`, by vintage (allowances) and by credit project line. */
function surrenderedFor(
  ledger: LedgerState,
  year: number,
  projects: Readonly<Record<string, ProjectFacts>>,
  recognised: ReadonlyMap<string, RecognisedBlockOrigin>,
): Map<string, Surrendered> {
  const out = new Map<string, Surrendered>();
  for (const e of journalEvents(ledger)) {
    if (e.type !== 'UnitsSurrendered' || e.complianceYear !== year) continue;
    let s = out.get(e.from);
    if (!s) out.set(e.from, (s = { allowances: new Map(), credits: new Map() }));
    for (const r of e.ranges) {
      const block = ledger.blocks[r.blockId];
      if (!block) continue;
      const n = rangeSize(r);
      if (block.kind === 'CARBON_ALLOWANCE') {
        s.allowances.set(block.vintage, (s.allowances.get(block.vintage) ?? 0) + n);
        continue;
      }
      if (!INSTRUMENTS[block.kind].isCredit) continue;
      const origin = recognised.get(block.blockId);
      const issuingJurisdiction = origin?.origin ?? block.jurisdiction;
      const key = `${block.kind}|${issuingJurisdiction}|${block.projectId ?? ''}|${block.vintage}`;
      const facts = origin ?? projects[block.projectId ?? ''];
      const line = s.credits.get(key);
      s.credits.set(key, {
        kind: block.kind,
        issuingJurisdiction,
        projectType: facts?.projectType ?? 'unspecified',
        vintage: block.vintage,
        ...(facts?.projectStartYear !== undefined ? { projectStartYear: facts.projectStartYear } : {}),
        quantity: (line?.quantity ?? 0) + n,
      });
    }
  }
  return out;
}

/** Other provinces' allowances surrendered there for `year` and counted here (linked markets). */
function countLinkedSurrenders(records: RegistryRecords, year: number, out: Map<string, Surrendered>): void {
  for (const r of Object.values(records.byCommand)) {
    if (r.type !== 'LinkedSurrenderCounted' || r.complianceYear !== year) continue;
    let s = out.get(r.accountId);
    if (!s) out.set(r.accountId, (s = { allowances: new Map(), credits: new Map() }));
    s.allowances.set(r.vintage, (s.allowances.get(r.vintage) ?? 0) + r.counted);
  }
}

/**
 * One submission per firm that reported for the year: its verified emissions (if verified) and
 * what its holding account surrendered for that year. Allowances are only the carbon allowances;
 * other non-credit rights (pollutant, energy) do not discharge a carbon obligation.
 */
export function submissionsFor(
  ledger: LedgerState,
  records: RegistryRecords,
  year: number,
  projects: Readonly<Record<string, ProjectFacts>> = {},
  recognised: ReadonlyMap<string, RecognisedBlockOrigin> = new Map(),
): FirmSubmission[] {
  const surrendered = surrenderedFor(ledger, year, projects, recognised);
  countLinkedSurrenders(records, year, surrendered);
  return Object.values(records.reports)
    .filter((r) => r.complianceYear === year)
    .sort((a, b) => (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0))
    .map((report) => {
      const verified = records.verifications[reportKey(report.firmId, year)];
      const s = surrendered.get(report.accountId);
      const allowanceVintages = [...(s?.allowances.entries() ?? [])];
      return {
        firmId: report.firmId,
        complianceYear: year,
        ...(verified ? { verifiedEmissions: verified.verifiedEmissions } : {}),
        allowances: allowanceVintages
          .sort(([a], [b]) => a - b)
          .map(([vintage, quantity]) => ({ vintage, quantity })),
        credits: [...(s?.credits.values() ?? [])],
      };
    });
}
