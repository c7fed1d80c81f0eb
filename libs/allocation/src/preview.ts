import { apportion, applyBp, mulberry32, seededShuffle, type Rounding } from '@app/domain';
import { ALLOCATION_ERRORS, AllocationError, requireBp, requireNonNegativeInt } from './errors';
import {
  benchmarkAllocation,
  grandfatheringAllocation,
  preAllocation,
  type BenchmarkLine,
  type GrandfatheringInput,
} from './free-allocation';

export type FreeAllocationBasis =
  | { readonly method: 'benchmark'; readonly lines: readonly BenchmarkLine[] }
  | ({ readonly method: 'grandfathering' } & GrandfatheringInput)
  | { readonly method: 'fixed'; readonly quantity: number };

export interface FirmInput {
  readonly firmId: string;
  readonly basis: FreeAllocationBasis;
}

export interface AllocationRules {
  readonly cap: number;
  readonly auctionShareBp: number;
  readonly newEntrantReserveBp: number;
  /** Chongqing 2023: 5 %. */
  readonly governmentReserveBp: number;
  /** Share of the allocation issued up front; the rest after verification (default 70 %). */
  readonly preAllocationShareBp?: number;
  /** Rounding of each firm's rule-based entitlement. */
  readonly entitlementRounding: Rounding;
  /**
   * When entitlements exceed the free pool they are scaled pro rata:
   * `largest-remainder` floors every share then hands leftover units to the largest remainders
   * (ties: seeded order if `tieSeed` is given, else firm id); `floor` leaves the leftover unallocated.
   */
  readonly scaling: 'largest-remainder' | 'floor';
  readonly tieSeed?: number;
}

export interface AllocationRow {
  readonly firmId: string;
  readonly method: FreeAllocationBasis['method'];
  /** What the allocation rules alone give the firm. */
  readonly entitlement: number;
  /** What it receives after scaling to the cap; never above the entitlement. */
  readonly allocated: number;
  readonly preAllocated: number;
  readonly afterVerification: number;
}

export interface AllocationPreview {
  readonly cap: number;
  readonly auction: number;
  readonly newEntrantReserve: number;
  readonly governmentReserve: number;
  readonly freePool: number;
  readonly totalEntitlement: number;
  readonly totalAllocated: number;
  /** Free pool not handed out (entitlements below pool, or floor scaling). */
  readonly unallocated: number;
  readonly scaled: boolean;
  readonly rows: readonly AllocationRow[];
}

export function entitlementOf(basis: FreeAllocationBasis, rounding: Rounding): number {
  switch (basis.method) {
    case 'benchmark':
      return benchmarkAllocation(basis.lines, rounding);
    case 'grandfathering':
      return grandfatheringAllocation(basis, rounding);
    case 'fixed':
      return requireNonNegativeInt(basis.quantity, 'quantity');
  }
}

/** The full allocation table for a compliance year: pools carved from the cap, then free allocation per firm. */
export function previewAllocation(rules: AllocationRules, firms: readonly FirmInput[]): AllocationPreview {
  const cap = requireNonNegativeInt(rules.cap, 'cap');
  const shares = [rules.auctionShareBp, rules.newEntrantReserveBp, rules.governmentReserveBp].map((b, i) =>
    requireBp(b, `share${i}`),
  );
  if (shares.reduce((s, b) => s + b, 0) > 10_000) {
    throw new AllocationError(
      ALLOCATION_ERRORS.SHARES_EXCEED_CAP,
      'auction + reserves exceed 100 % of the cap',
      { shares },
    );
  }
  // Pools round down so the free pool (and so the total) can never exceed the cap.
  const [auction, newEntrantReserve, governmentReserve] = shares.map((b) => applyBp(cap, b, 'floor')) as [
    number,
    number,
    number,
  ];
  const freePool = cap - auction - newEntrantReserve - governmentReserve;

  const seen = new Set<string>();
  const entitlements = firms.map((f) => {
    if (seen.has(f.firmId))
      throw new AllocationError(ALLOCATION_ERRORS.DUPLICATE_FIRM, `firm ${f.firmId} listed twice`, {
        firmId: f.firmId,
      });
    seen.add(f.firmId);
    return { firm: f, entitlement: entitlementOf(f.basis, rules.entitlementRounding) };
  });
  const totalEntitlement = entitlements.reduce((s, e) => s + e.entitlement, 0);
  const scaled = totalEntitlement > freePool;

  let allocatedBy: Map<string, number>;
  if (!scaled) {
    allocatedBy = new Map(entitlements.map((e) => [e.firm.firmId, e.entitlement]));
  } else if (rules.scaling === 'largest-remainder') {
    const order =
      rules.tieSeed === undefined ? undefined : seededShuffle([...seen].sort(), mulberry32(rules.tieSeed));
    allocatedBy = apportion(
      freePool,
      entitlements.map((e) => ({ key: e.firm.firmId, weight: e.entitlement, cap: e.entitlement })),
      order,
    );
  } else {
    allocatedBy = apportion(0, []);
    for (const e of entitlements) {
      allocatedBy.set(
        e.firm.firmId,
        Number((BigInt(freePool) * BigInt(e.entitlement)) / BigInt(totalEntitlement)),
      );
    }
  }

  const pre = rules.preAllocationShareBp ?? 10_000;
  const rows = entitlements.map(({ firm, entitlement }) => {
    const allocated = allocatedBy.get(firm.firmId) ?? 0;
    const preAllocated = preAllocation(allocated, pre);
    return {
      firmId: firm.firmId,
      method: firm.basis.method,
      entitlement,
      allocated,
      preAllocated,
      afterVerification: allocated - preAllocated,
    };
  });
  const totalAllocated = rows.reduce((s, r) => s + r.allocated, 0);
  return {
    cap,
    auction,
    newEntrantReserve,
    governmentReserve,
    freePool,
    totalEntitlement,
    totalAllocated,
    unallocated: freePool - totalAllocated,
    scaled,
    rows,
  };
}

/** Draw from the new-entrant reserve: grants at most what is left. */
export function drawNewEntrantReserve(
  remaining: number,
  requested: number,
): { granted: number; remaining: number } {
  const granted = Math.min(
    requireNonNegativeInt(remaining, 'remaining'),
    requireNonNegativeInt(requested, 'requested'),
  );
  return { granted, remaining: remaining - granted };
}
