import type { InstrumentKind, Jurisdiction } from '@app/domain';
import type { LedgerCommand } from './commands';
import { decide } from './decide';
import type { LedgerEvent } from './events';
import { evolveAll } from './evolve';
import type { LedgerState } from './state';
import { rangeSize, type Block, type Piece } from './types';

export interface HoldingFilter {
  readonly jurisdiction?: Jurisdiction;
  readonly kind?: InstrumentKind;
  readonly vintage?: number;
  readonly projectId?: string;
  /** 'unlocked' counts only transferable units; default counts all. */
  readonly lock?: 'all' | 'unlocked' | 'locked';
}

const matches = (b: Block | undefined, p: Piece, f: HoldingFilter): boolean =>
  b !== undefined &&
  (f.jurisdiction === undefined || b.jurisdiction === f.jurisdiction) &&
  (f.kind === undefined || b.kind === f.kind) &&
  (f.vintage === undefined || b.vintage === f.vintage) &&
  (f.projectId === undefined || b.projectId === f.projectId) &&
  (f.lock === undefined || f.lock === 'all' || (f.lock === 'locked') === (p.lockId !== undefined));

export function balanceOf(state: LedgerState, accountId: string, filter: HoldingFilter = {}): number {
  let total = 0;
  for (const p of state.holdings[accountId] ?? [])
    if (matches(state.blocks[p.blockId], p, filter)) total += rangeSize(p);
  return total;
}

/** One account's serial ranges, sorted by serial. */
export function piecesOf(state: LedgerState, accountId: string): readonly Piece[] {
  return state.holdings[accountId] ?? [];
}

/** Every piece of every account, sorted by serial. */
export function allPieces(state: LedgerState): Piece[] {
  return Object.values(state.holdings)
    .flat()
    .sort((a, b) => a.start - b.start);
}

/** The piece holding `serial`, if issued. */
export function pieceAt(state: LedgerState, serial: number): Piece | undefined {
  for (const list of Object.values(state.holdings)) {
    const p = list.find((x) => x.start <= serial && serial <= x.end);
    if (p) return p;
  }
  return undefined;
}

export interface SupplyTotals {
  issued: number;
  /** In non-terminal accounts (enterprise, government, auction, reserve), locked or not. */
  held: number;
  surrendered: number;
  cancelled: number;
  retired: number;
  locked: number;
}

/** Totals per `jurisdiction|kind|vintage`. Conservation: issued = held + surrendered + cancelled + retired. */
export function supplyTotals(state: LedgerState): Map<string, SupplyTotals> {
  const out = new Map<string, SupplyTotals>();
  const row = (b: Block): SupplyTotals => {
    const key = `${b.jurisdiction}|${b.kind}|${b.vintage}`;
    let t = out.get(key);
    if (!t) out.set(key, (t = { issued: 0, held: 0, surrendered: 0, cancelled: 0, retired: 0, locked: 0 }));
    return t;
  };
  for (const b of Object.values(state.blocks)) row(b).issued += rangeSize(b);
  for (const p of Object.values(state.holdings).flat()) {
    const b = state.blocks[p.blockId];
    const acc = state.accounts[p.accountId];
    if (!b || !acc) continue;
    const t = row(b);
    const n = rangeSize(p);
    if (p.lockId !== undefined) t.locked += n;
    if (acc.accountType === 'SURRENDER') t.surrendered += n;
    else if (acc.accountType === 'CANCELLATION') t.cancelled += n;
    else if (acc.accountType === 'RETIREMENT') t.retired += n;
    else t.held += n;
  }
  return out;
}

/** decide then evolve: the convenience an embedded simulator uses. */
export function handle(
  state: LedgerState,
  command: LedgerCommand,
): { state: LedgerState; events: LedgerEvent[] } {
  const events = decide(command, state);
  return { state: evolveAll(state, events), events };
}
