import { DOMAIN_ERRORS, DomainError } from './errors';
import { assertNonNegativeInteger } from './integers';

export interface ApportionItem {
  readonly key: string;
  readonly weight: number;
  /** Optional upper bound for this item's share (e.g. its entitlement). */
  readonly cap?: number;
}

/**
 * Split `total` units pro rata to integer weights by the largest-remainder method
 * (Hamilton): everyone gets floor(total × w / W); leftover units go one each to the
 * largest remainders, ties broken by key ascending unless `tieOrder` (keys in
 * priority order, e.g. a seeded shuffle) is given. Exact: uses BigInt.
 * Returns a map key → share. Without caps the shares sum to `total` exactly; when caps bind they
 * may sum to less (the caller reports the rest as unallocated).
 */
export function apportion(
  total: number,
  items: readonly ApportionItem[],
  tieOrder?: readonly string[],
): Map<string, number> {
  assertNonNegativeInteger(total, 'total');
  const keys = new Set<string>();
  let weightSum = 0n;
  for (const it of items) {
    assertNonNegativeInteger(it.weight, `weight(${it.key})`);
    if (keys.has(it.key)) throw new DomainError(DOMAIN_ERRORS.INVALID_ARGUMENT, `duplicate key ${it.key}`);
    keys.add(it.key);
    weightSum += BigInt(it.weight);
  }
  const out = new Map<string, number>(items.map((it) => [it.key, 0]));
  if (weightSum === 0n || total === 0) return out;
  const rank = new Map<string, number>((tieOrder ?? []).map((k, i) => [k, i]));
  const T = BigInt(total);
  const rem: { key: string; r: bigint; room: boolean }[] = [];
  let given = 0;
  for (const it of items) {
    const exact = T * BigInt(it.weight);
    let share = Number(exact / weightSum);
    const capped = it.cap !== undefined && share >= it.cap;
    if (it.cap !== undefined) share = Math.min(share, it.cap);
    out.set(it.key, share);
    given += share;
    rem.push({ key: it.key, r: capped ? -1n : exact % weightSum, room: !capped });
  }
  rem.sort((a, b) => {
    if (a.r !== b.r) return a.r > b.r ? -1 : 1;
    const ra = rank.get(a.key) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.key) ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  let left = total - given;
  for (const e of rem) {
    if (left <= 0) break;
    if (!e.room || e.r === 0n) continue;
    out.set(e.key, (out.get(e.key) ?? 0) + 1);
    left--;
  }
  return out;
}
