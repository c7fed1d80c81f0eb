import type { CancelReason, EventSink, RejectReason, SessionState, Side } from '@app/matching';

/**
 * Writes events as JSON Lines exactly as the engine-jsonl spec shows them (no `seq`), into one
 * growing string the caller flushes in big chunks. `suffix` closes each line and carries the
 * command's `instrument` when it had one.
 */
export class JsonlSink implements EventSink {
  out = '';
  suffix = '}\n';

  private lastInstrument: string | undefined = undefined;

  setInstrument(instrument: string | undefined): void {
    if (instrument === this.lastInstrument) return;
    this.lastInstrument = instrument;
    this.suffix = instrument === undefined ? '}\n' : `,"instrument":${JSON.stringify(instrument)}}\n`;
  }

  accepted(_seq: number, id: string): void {
    this.out += `{"type":"accepted","id":${JSON.stringify(id)}${this.suffix}`;
  }
  rejected(_seq: number, id: string, reason: RejectReason): void {
    const idPart = id === '' ? '' : `"id":${JSON.stringify(id)},`;
    this.out += `{"type":"rejected",${idPart}"reason":"${reason}"${this.suffix}`;
  }
  rejectedLine(line: number): void {
    this.out += `{"type":"rejected","line":${line},"reason":"bad-command"}\n`;
  }
  trade(
    _seq: number,
    taker: string,
    maker: string,
    _aggressor: Side | 'none',
    price: number,
    qty: number,
  ): void {
    this.out += `{"type":"trade","taker":${JSON.stringify(taker)},"maker":${JSON.stringify(maker)},"price":${price},"qty":${qty}${this.suffix}`;
  }
  cancelled(_seq: number, id: string, qty: number, reason: CancelReason): void {
    this.out += `{"type":"cancelled","id":${JSON.stringify(id)},"qty":${qty},"reason":"${reason}"${this.suffix}`;
  }
  amended(_seq: number, id: string, price: number, qty: number): void {
    this.out += `{"type":"amended","id":${JSON.stringify(id)},"price":${price},"qty":${qty}${this.suffix}`;
  }
  auctionUncrossed(_seq: number, price: number, volume: number, imbalance: number): void {
    this.out += `{"type":"auction-uncrossed","price":${price},"volume":${volume},"imbalance":${imbalance}${this.suffix}`;
  }
  sessionChanged(_seq: number, from: SessionState, to: SessionState): void {
    this.out += `{"type":"session-changed","from":"${from}","to":"${to}"${this.suffix}`;
  }
  blockTrade(_seq: number, id: string, buyer: string, seller: string, price: number, qty: number): void {
    this.out += `{"type":"block-trade","id":${JSON.stringify(id)},"buyer":${JSON.stringify(buyer)},"seller":${JSON.stringify(seller)},"price":${price},"qty":${qty}${this.suffix}`;
  }
}
