import type { RetirementFlow } from '@app/ledger';
import type { Province } from '@app/pricing';
import { RECOGNITION_ERRORS, RecognitionError } from './errors';

/** One use of units of `origin` in `usedIn` (surrendered as offsets or retired), in origin units. */
export interface CrossUse {
  readonly origin: Province;
  readonly usedIn: Province;
  /** Year of the surrender or retirement. */
  readonly year: number;
  readonly quantity: number;
}

export interface ProvinceFlow {
  /** Units issued here, used in the other province. */
  readonly exported: number;
  /** Units issued in the other province, used here. */
  readonly imported: number;
  /** exported − imported: the basis of this province's corresponding adjustment. */
  readonly net: number;
}

export interface NetFlowAccount {
  readonly year: number;
  readonly CQ: ProvinceFlow;
  readonly SC: ProvinceFlow;
}

/**
 * The yearly WCI-style account: net(A) = Σ(A-issued units used in B) − Σ(B-issued units used in A).
 * net(CQ) = −net(SC). A province with a positive net flow adds it to its emissions balance (its reductions
 * were counted elsewhere); the other subtracts it, so no tonne is claimed twice.
 */
export function netFlowAccount(uses: readonly CrossUse[], year: number): NetFlowAccount {
  const out = { CQ: 0, SC: 0 };
  for (const u of uses) {
    if (!Number.isSafeInteger(u.quantity) || u.quantity < 0)
      throw new RecognitionError(
        RECOGNITION_ERRORS.BAD_PARAMETER,
        'quantity must be a non-negative integer',
        {
          field: 'quantity',
        },
      );
    if (u.year !== year || u.origin === u.usedIn) continue;
    out[u.origin] += u.quantity;
  }
  return {
    year,
    CQ: { exported: out.CQ, imported: out.SC, net: out.CQ - out.SC },
    SC: { exported: out.SC, imported: out.CQ, net: out.SC - out.CQ },
  };
}

/**
 * Adapter for `@app/ledger`'s `retirementFlows`, usable when one ledger holds both provinces' accounts and
 * recognised blocks keep the origin as their jurisdiction. The ledger groups by vintage, not year of use,
 * so the vintage stands in for the year: callers wanting the WCI basis (year of use) pass `CrossUse` records.
 */
export function crossUsesFromLedgerFlows(flows: readonly RetirementFlow[]): CrossUse[] {
  const p = (j: string): j is Province => j === 'CQ' || j === 'SC';
  return flows.flatMap((f) =>
    p(f.issuedIn) && p(f.retiredIn) && f.issuedIn !== f.retiredIn
      ? [{ origin: f.issuedIn, usedIn: f.retiredIn, year: f.vintage, quantity: f.quantity }]
      : [],
  );
}
