import type { Piece, SerialRange } from './types';

const joinable = (a: Piece, b: Piece): boolean =>
  a.blockId === b.blockId && a.accountId === b.accountId && a.lockId === b.lockId && a.end + 1 === b.start;

function piece(
  blockId: string,
  start: number,
  end: number,
  accountId: string,
  lockId: string | undefined,
): Piece {
  return lockId === undefined
    ? { blockId, start, end, accountId }
    : { blockId, start, end, accountId, lockId };
}

/** Merge neighbours that share block, account and lock. Input sorted by start. */
export function mergeAdjacent(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && joinable(last, p)) out[out.length - 1] = { ...last, end: p.end };
    else out.push(p);
  }
  return out;
}

/**
 * Split one account's pieces at the edges of `ranges` (each lies inside one piece, as produced by
 * `pickUnits`) and return the pieces outside the ranges (`rest`) and those inside (`taken`).
 */
export function splitOut(
  pieces: readonly Piece[],
  ranges: readonly SerialRange[],
): { rest: Piece[]; taken: Piece[] } {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const rest: Piece[] = [];
  const taken: Piece[] = [];
  let ri = 0;
  for (const p of pieces) {
    let cursor = p.start;
    while (ri < sorted.length && (sorted[ri] as SerialRange).start <= p.end) {
      const r = sorted[ri] as SerialRange;
      if (r.end < p.start) {
        ri++;
        continue;
      }
      const from = Math.max(r.start, p.start);
      const to = Math.min(r.end, p.end);
      if (from > cursor) rest.push(piece(p.blockId, cursor, from - 1, p.accountId, p.lockId));
      taken.push(piece(p.blockId, from, to, p.accountId, p.lockId));
      cursor = to + 1;
      if (r.end <= p.end) ri++;
      else break;
    }
    if (cursor <= p.end) rest.push(piece(p.blockId, cursor, p.end, p.accountId, p.lockId));
  }
  return { rest, taken };
}

/** Merge two sorted, disjoint piece lists into one sorted list, joining neighbours. */
export function mergeSorted(a: readonly Piece[], b: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start < y.start)) {
      out.push(x as Piece);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return mergeAdjacent(out);
}

export function relabel(pieces: readonly Piece[], accountId: string, lockId: string | undefined): Piece[] {
  return pieces.map((p) => piece(p.blockId, p.start, p.end, accountId, lockId));
}
