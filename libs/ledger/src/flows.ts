import type { Jurisdiction } from '@app/domain';
import type { LedgerState } from './state';
import { rangeSize, type AccountType } from './types';

export interface RetirementFlow {
  readonly issuedIn: Jurisdiction;
  readonly retiredIn: Jurisdiction;
  readonly vintage: number;
  readonly quantity: number;
}

/**
 * Units that ended in a surrender or retirement account, grouped by issuing jurisdiction,
 * jurisdiction of the terminal account, and vintage. Basis of WCI-style net flows.
 */
export function retirementFlows(
  state: LedgerState,
  include: readonly AccountType[] = ['SURRENDER', 'RETIREMENT'],
): RetirementFlow[] {
  const acc = new Map<string, RetirementFlow>();
  for (const p of Object.values(state.holdings).flat()) {
    const a = state.accounts[p.accountId];
    const b = state.blocks[p.blockId];
    if (!a || !b || !include.includes(a.accountType)) continue;
    const key = `${b.jurisdiction}|${a.jurisdiction}|${b.vintage}`;
    const prev = acc.get(key);
    acc.set(key, {
      issuedIn: b.jurisdiction,
      retiredIn: a.jurisdiction,
      vintage: b.vintage,
      quantity: (prev?.quantity ?? 0) + rangeSize(p),
    });
  }
  return [...acc.values()].sort(
    (x, y) => x.vintage - y.vintage || cmp(x.issuedIn, y.issuedIn) || cmp(x.retiredIn, y.retiredIn),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** netFlow(A vs B) = Σ(A-issued units retired in B) − Σ(B-issued units retired in A), optionally for one vintage. */
export function netFlow(state: LedgerState, a: Jurisdiction, b: Jurisdiction, vintage?: number): number {
  let net = 0;
  for (const f of retirementFlows(state)) {
    if (vintage !== undefined && f.vintage !== vintage) continue;
    if (f.issuedIn === a && f.retiredIn === b) net += f.quantity;
    if (f.issuedIn === b && f.retiredIn === a) net -= f.quantity;
  }
  return net;
}
