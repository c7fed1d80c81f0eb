import type { Piece, SerialRange } from './types';

type Patch = Partial<Pick<Piece, 'accountId' | 'lockId'>> & { clearLock?: boolean };

const sameOwner = (a: Piece, b: Piece): boolean =>
  a.blockId === b.blockId && a.accountId === b.accountId && a.lockId === b.lockId && a.end + 1 === b.start;

function patched(p: Piece, start: number, end: number, patch: Patch): Piece {
  const accountId = patch.accountId ?? p.accountId;
  const lockId = patch.clearLock ? undefined : (patch.lockId ?? p.lockId);
  return lockId === undefined
    ? { blockId: p.blockId, start, end, accountId }
    : { blockId: p.blockId, start, end, accountId, lockId };
}

/**
 * Apply `patch` to exactly the serials in `ranges`, splitting pieces at the range edges,
 * then merge neighbours that ended up with the same block, account and lock.
 * Ranges come from `pickUnits`, so each lies inside one existing piece.
 */
export function reassign(pieces: readonly Piece[], ranges: readonly SerialRange[], patch: Patch): Piece[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let ri = 0;
  for (const p of pieces) {
    let cursor = p.start;
    while (ri < sorted.length && (sorted[ri] as SerialRange).start <= p.end) {
      const r = sorted[ri] as SerialRange;
      if (r.end < p.start) {
        ri++;
        continue;
      }
      if (r.start > cursor) out.push(patched(p, cursor, r.start - 1, {}));
      out.push(patched(p, Math.max(r.start, p.start), Math.min(r.end, p.end), patch));
      cursor = Math.min(r.end, p.end) + 1;
      if (r.end <= p.end) ri++;
      else break;
    }
    if (cursor <= p.end) out.push(patched(p, cursor, p.end, {}));
  }
  return merge(out);
}

function merge(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && sameOwner(last, p)) out[out.length - 1] = { ...last, end: p.end };
    else out.push(p);
  }
  return out;
}
