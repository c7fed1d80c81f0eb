/** A registry event as stored: its type and the event itself as data. */
export interface RegistryEventRow {
  type: string;
  data: Record<string, unknown>;
}

interface Allocation {
  kind: string;
  vintage: number;
}

/** Which units of a registry an exchange instrument is (a vintage, or every vintage of the kind). */
export interface AllocatedUnits {
  jurisdiction: string;
  kind: string;
  vintage?: number;
}

const FIRM_TRANSFER = /^(.+):to:[^:]+$/;
const CHARGE = /^(.+):charge$/;

/**
 * The units each registry account received free, per kind and vintage, from a registry's events:
 * an allocation's transfers to firms (`<allocation>:to:<firm>`, recorded with `AllocationIssued`)
 * and the new-entrant draws on it, unless the allocation was charged for (`AllocationCharged`).
 * The events of one allocation may arrive in any order. True-ups are not counted yet.
 */
export class FreeAllocationTally {
  private readonly received = new Map<string, { account: string; qty: number }[]>();
  private readonly allocations = new Map<string, Allocation>();
  private readonly paid = new Set<string>();
  private totals: Map<string, number> | undefined;

  constructor(private readonly jurisdiction: string) {}

  apply(event: RegistryEventRow): void {
    const d = event.data;
    if (event.type === 'UnitsTransferred') {
      const allocation = FIRM_TRANSFER.exec(String(d.commandId))?.[1];
      if (allocation) this.receive(allocation, String(d.to), Number(d.quantity));
    } else if (event.type === 'NewEntrantReserveDrawn')
      this.receive(String(d.allocationCommandId), String(d.accountId), Number(d.granted));
    else if (event.type === 'AllocationIssued')
      this.allocations.set(String(d.allocationCommandId), {
        kind: String(d.kind),
        vintage: Number(d.vintage),
      });
    else if (event.type === 'AllocationCharged') {
      const allocation = CHARGE.exec(String(d.commandId))?.[1];
      if (allocation) this.paid.add(allocation);
    } else return;
    this.totals = undefined;
  }

  /** Units `account` received free of these units (0 if none, or another registry's). */
  freeAllocationOf(account: string, units: AllocatedUnits): number {
    if (units.jurisdiction !== this.jurisdiction) return 0;
    const totals = (this.totals ??= this.tally());
    if (units.vintage !== undefined) return totals.get(key(account, units.kind, units.vintage)) ?? 0;
    let sum = 0;
    const prefix = key(account, units.kind, '');
    for (const [k, qty] of totals) if (k.startsWith(prefix)) sum += qty;
    return sum;
  }

  private receive(allocation: string, account: string, qty: number): void {
    let list = this.received.get(allocation);
    if (!list) this.received.set(allocation, (list = []));
    list.push({ account, qty });
  }

  private tally(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const [id, allocation] of this.allocations) {
      if (this.paid.has(id)) continue;
      for (const { account, qty } of this.received.get(id) ?? []) {
        const k = key(account, allocation.kind, allocation.vintage);
        totals.set(k, (totals.get(k) ?? 0) + qty);
      }
    }
    return totals;
  }
}

const key = (account: string, kind: string, vintage: number | string): string =>
  `${account}\u0000${kind}\u0000${vintage}`;
