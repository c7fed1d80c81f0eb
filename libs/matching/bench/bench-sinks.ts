import type { EventSink } from '../src';

/** Counts events and traded quantity (so the work cannot be optimised away). */
export class CountingSink implements EventSink {
  events = 0;
  traded = 0;
  accepted(): void {
    this.events++;
  }
  rejected(): void {
    this.events++;
  }
  trade(_s: number, _t: string, _m: string, _a: string, _p: number, qty: number): void {
    this.events++;
    this.traded += qty;
  }
  cancelled(): void {
    this.events++;
  }
  amended(): void {
    this.events++;
  }
  auctionUncrossed(): void {
    this.events++;
  }
  sessionChanged(): void {
    this.events++;
  }
  blockTrade(): void {
    this.events++;
  }
}
