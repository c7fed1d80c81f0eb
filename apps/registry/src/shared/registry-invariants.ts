import { allPieces, rangeSize, supplyTotals } from '@app/ledger';
import type { LoadedRegistry } from './registry-state';

/** The registry's conservation laws; returns the broken ones (empty when all hold). */
export function brokenInvariants(registry: LoadedRegistry): string[] {
  const broken: string[] = [];
  const { ledger, records } = registry;
  for (const [key, t] of supplyTotals(ledger))
    if (t.issued !== t.held + t.surrendered + t.cancelled + t.retired)
      broken.push(`${key}: issued ${t.issued} ≠ held + surrendered + cancelled + retired`);
  let lastEnd = 0;
  for (const p of allPieces(ledger)) {
    if (rangeSize(p) <= 0) broken.push(`empty or negative piece ${p.start}-${p.end} in ${p.accountId}`);
    if (p.start <= lastEnd) broken.push(`serial ${p.start} is in two places`);
    lastEnd = Math.max(lastEnd, p.end);
  }
  for (const auction of Object.values(records.auctionBook.auctions)) {
    const id = auction.scheduled.auctionId;
    for (const [bidder, g] of Object.entries(auction.guarantees)) {
      const bidValue = auction.bids
        .filter((b) => b.bidderId === bidder)
        .reduce((s, b) => s + b.priceFen * b.quantity, 0);
      if (g.reservedFen + g.paidFen + g.releasedFen > g.postedFen)
        broken.push(`${id}/${bidder}: cash over-committed`);
      if (auction.status === 'open' && g.reservedFen !== bidValue)
        broken.push(`${id}/${bidder}: reserved ≠ bids`);
      if (auction.status !== 'open' && g.postedFen !== g.paidFen + g.releasedFen)
        broken.push(`${id}/${bidder}: guarantee not settled`);
    }
    const locked = allPieces(ledger)
      .filter((p) => p.lockId === auction.scheduled.lockId)
      .reduce((s, p) => s + rangeSize(p), 0);
    if (locked !== (auction.status === 'open' ? auction.scheduled.rules.supply : 0))
      broken.push(`${id}: ${locked} units locked while ${auction.status}`);
  }
  for (const a of Object.values(records.allocations))
    if ((records.newEntrantDrawn[a.allocationCommandId] ?? 0) > a.newEntrantReserve)
      broken.push(`${a.allocationCommandId}: new-entrant draws exceed the reserve`);
  for (const [key, n] of Object.entries(records.auctionBook.carriedForward))
    if (n < 0) broken.push(`carried-forward pool ${key} is negative`);
  return broken;
}
