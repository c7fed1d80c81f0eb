import type { MatchingEvent } from '../commands/matching-event';
import type { OrderBookEngine } from '../order-book-engine';

/**
 * Tracks every order's quantity through events and checks, after each command:
 * the book is not crossed (in continuous trading), levels are strictly price-ordered, and no quantity is created or
 * lost (accepted/amended qty = traded + cancelled + resting, per order and on the book).
 */
export class BookInvariants {
  /** Remaining qty per order as implied by the events alone. */
  private readonly open = new Map<string, number>();

  observe(command: { type: string; id?: string; qty?: number }, events: MatchingEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case 'accepted':
          this.open.set(e.id, command.qty as number);
          break;
        case 'amended':
          this.open.set(e.id, e.qty);
          break;
        case 'trade':
          this.reduce(e.taker, e.qty);
          this.reduce(e.maker, e.qty);
          break;
        case 'cancelled':
          this.reduce(e.id, e.qty);
          break;
      }
    }
  }

  check(engine: OrderBookEngine): void {
    const { bids, asks } = engine.depth(Number.MAX_SAFE_INTEGER);
    const auction = engine.session !== 'continuous';
    if (!auction && bids.length > 0 && asks.length > 0 && bids[0].price >= asks[0].price) {
      throw new Error(`book crossed: ${bids[0].price} >= ${asks[0].price}`);
    }
    for (let i = 1; i < bids.length; i++)
      if (bids[i].price >= bids[i - 1].price) throw new Error('bids out of order');
    for (let i = 1; i < asks.length; i++)
      if (asks[i].price <= asks[i - 1].price) throw new Error('asks out of order');
    let expected = 0;
    for (const [id, qty] of this.open) {
      if (qty < 0) throw new Error(`order ${id} over-filled`);
      if (qty === 0) continue;
      expected += qty;
      if (engine.remainingQty(id) !== qty)
        throw new Error(`order ${id}: events say ${qty}, book says ${engine.remainingQty(id)}`);
    }
    const resting = [...bids, ...asks].reduce((s, l) => s + l.qty, 0);
    if (resting !== expected) throw new Error(`book holds ${resting} but events leave ${expected} open`);
  }

  private reduce(id: string, qty: number): void {
    this.open.set(id, (this.open.get(id) ?? 0) - qty);
  }
}
