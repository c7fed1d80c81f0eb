import { journalEvents, rangeSize, supplyTotals, type LedgerState, type SupplyTotals } from '@app/ledger';

export interface SupplyRow extends SupplyTotals {
  readonly jurisdiction: string;
  readonly kind: string;
  readonly vintage: number;
  /** Part of `cancelled`: units cancelled by an expiry run (validity over). */
  readonly expired: number;
  /** issued = held + surrendered + cancelled + retired (the ledger's conservation law). */
  readonly conserved: boolean;
}

/** Units cancelled for expiry, per `jurisdiction|kind|vintage` (expiry runs give the reason `expired …`). */
function expiredTotals(ledger: LedgerState): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of journalEvents(ledger)) {
    if (e.type !== 'UnitsCancelled' || !e.reason.startsWith('expired')) continue;
    for (const r of e.ranges) {
      const b = ledger.blocks[r.blockId];
      if (!b) continue;
      const key = `${b.jurisdiction}|${b.kind}|${b.vintage}`;
      out.set(key, (out.get(key) ?? 0) + rangeSize(r));
    }
  }
  return out;
}

export interface SupplyView {
  readonly jurisdiction: string;
  readonly version: number;
  readonly rows: readonly SupplyRow[];
}

export function supplyView(jurisdiction: string, ledger: LedgerState, version: number): SupplyView {
  const expired = expiredTotals(ledger);
  const rows = [...supplyTotals(ledger).entries()]
    .map(([key, t]) => {
      const [j, kind, vintage] = key.split('|') as [string, string, string];
      return {
        jurisdiction: j,
        kind,
        vintage: Number(vintage),
        ...t,
        expired: expired.get(key) ?? 0,
        conserved: t.issued === t.held + t.surrendered + t.cancelled + t.retired,
      };
    })
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.vintage - b.vintage));
  return { jurisdiction, version, rows };
}
