import type { DepthLevel } from '../api/types';

/** A level as the feed sends it: [price, qty, orders]. */
type WireLevel = [number, number, number];

export type FeedMessage =
  | { type: 'snapshot'; instrument: string; seq: number; bids: WireLevel[]; asks: WireLevel[] }
  | { type: 'depth'; instrument: string; prevSeq: number; seq: number; bids: WireLevel[]; asks: WireLevel[] }
  | {
      type: 'trade';
      instrument: string;
      seq: number;
      tradeNo: number;
      price: number;
      qty: number;
      aggressor: string;
      executedAt: number;
    }
  | { type: 'subscribed' | 'unsubscribed' | 'pong' | 'error'; instrument?: string; message?: string };

export interface FeedTrade {
  tradeNo: number;
  price: number;
  qty: number;
  aggressor: string;
  executedAt: number;
}

export interface FeedState {
  connected: boolean;
  /** Version of the book stream the depth reflects; undefined until the first snapshot. */
  seq?: number;
  bids: DepthLevel[];
  asks: DepthLevel[];
  /** Trades received live, oldest first. */
  trades: FeedTrade[];
}

/** What the client needs of a WebSocket (the browser's, or a fake in tests). */
export interface SocketLike {
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface FeedClientOptions {
  connect: () => SocketLike;
  onChange: (state: FeedState) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Reconnect delays, ms: doubling from the first up to the last. */
  backoff?: [number, number];
}

/**
 * One instrument's depth and trades from the gateway's `/feed`: applies the snapshot, then depth
 * updates in `seq` order; a gap (`prevSeq` beyond what it holds) asks for a new snapshot, and a
 * lost connection reconnects with backoff and resubscribes (which sends a fresh snapshot).
 */
export class FeedClient {
  private socket?: SocketLike;
  private state: FeedState = { connected: false, bids: [], asks: [], trades: [] };
  private bids = new Map<number, DepthLevel>();
  private asks = new Map<number, DepthLevel>();
  private retryDelay: number;
  private retryTimer?: unknown;
  private stopped = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly instrument: string,
    private readonly options: FeedClientOptions,
  ) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.retryDelay = (options.backoff ?? [500, 8000])[0];
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
    this.socket?.close();
  }

  private open(): void {
    const socket = this.options.connect();
    this.socket = socket;
    socket.onopen = () => {
      this.retryDelay = (this.options.backoff ?? [500, 8000])[0];
      this.subscribe();
      this.emit({ connected: true });
    };
    socket.onmessage = (event) => this.receive(JSON.parse(String(event.data)) as FeedMessage);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.emit({ connected: false });
      if (this.stopped) return;
      const [, max] = this.options.backoff ?? [500, 8000];
      this.retryTimer = this.setTimer(() => this.open(), this.retryDelay);
      this.retryDelay = Math.min(max, this.retryDelay * 2);
    };
  }

  private subscribe(): void {
    this.socket?.send(
      JSON.stringify({ op: 'subscribe', instrument: this.instrument, channels: ['depth', 'trades'] }),
    );
  }

  private receive(message: FeedMessage): void {
    if (!('instrument' in message) || message.instrument !== this.instrument) return;
    const mine = this.state.seq;
    switch (message.type) {
      case 'snapshot':
        this.bids = toMap(message.bids);
        this.asks = toMap(message.asks);
        this.emit({ seq: message.seq, ...this.sides() });
        break;
      case 'depth':
        if (mine === undefined || message.seq <= mine) return;
        if (message.prevSeq > mine) {
          this.subscribe(); // missed an update: start again from a snapshot
          return;
        }
        applyLevels(this.bids, message.bids);
        applyLevels(this.asks, message.asks);
        this.emit({ seq: message.seq, ...this.sides() });
        break;
      case 'trade': {
        if (this.state.trades.some((t) => t.tradeNo === message.tradeNo)) return;
        const { tradeNo, price, qty, aggressor, executedAt } = message;
        this.emit({
          trades: [...this.state.trades, { tradeNo, price, qty, aggressor, executedAt }].slice(-200),
        });
        break;
      }
      default:
        break;
    }
  }

  private sides(): Pick<FeedState, 'bids' | 'asks'> {
    return {
      bids: [...this.bids.values()].sort((a, b) => b.price - a.price),
      asks: [...this.asks.values()].sort((a, b) => a.price - b.price),
    };
  }

  private emit(patch: Partial<FeedState>): void {
    this.state = { ...this.state, ...patch };
    this.options.onChange(this.state);
  }
}

function toMap(levels: WireLevel[]): Map<number, DepthLevel> {
  return new Map(levels.map(([price, qty, orders]) => [price, { price, qty, orders }]));
}

function applyLevels(side: Map<number, DepthLevel>, levels: WireLevel[]): void {
  for (const [price, qty, orders] of levels) {
    if (qty === 0) side.delete(price);
    else side.set(price, { price, qty, orders });
  }
}
