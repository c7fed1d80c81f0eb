import { supplyTotals, type LedgerState, type SupplyTotals } from '@app/ledger';

export interface SupplyRow extends SupplyTotals {
  readonly jurisdiction: string;
  readonly kind: string;
  readonly vintage: number;
  /** issued = held + surrendered + cancelled + retired (the ledger's conservation law). */
  readonly conserved: boolean;
}

export interface SupplyView {
  readonly jurisdiction: string;
  readonly version: number;
  readonly rows: readonly SupplyRow[];
}

export function supplyView(jurisdiction: string, ledger: LedgerState, version: number): SupplyView {
  const rows = [...supplyTotals(ledger).entries()]
    .map(([key, t]) => {
      const [j, kind, vintage] = key.split('|') as [string, string, string];
      return {
        jurisdiction: j,
        kind,
        vintage: Number(vintage),
        ...t,
        conserved: t.issued === t.held + t.surrendered + t.cancelled + t.retired,
      };
    })
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.vintage - b.vintage));
  return { jurisdiction, version, rows };
}
