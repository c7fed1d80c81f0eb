import { FeedClient, FeedState, SocketLike } from './feed-client';

class FakeSocket implements SocketLike {
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  sent: unknown[] = [];
  closed = false;
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  deliver(message: object): void {
    this.onmessage?.({ data: JSON.stringify({ instrument: 'CQEA-2025', ...message }) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let state: FeedState | undefined;
  const client = new FeedClient('CQEA-2025', {
    connect: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    onChange: (s) => (state = s),
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
    backoff: [100, 400],
  });
  return { client, sockets, timers, state: () => state! };
}

const subscribe = { op: 'subscribe', instrument: 'CQEA-2025', channels: ['depth', 'trades'] };

describe('FeedClient', () => {
  it('subscribes on open, takes the snapshot, then applies depth updates in order', () => {
    const { sockets, state } = setup();
    sockets[0].onopen!();
    expect(sockets[0].sent).toEqual([subscribe]);
    sockets[0].deliver({ type: 'snapshot', seq: 10, bids: [[3600, 300, 2]], asks: [[3650, 400, 2]] });
    sockets[0].deliver({ type: 'depth', prevSeq: 10, seq: 12, bids: [[3600, 0, 0]], asks: [[3640, 100, 1]] });
    expect(state()).toMatchObject({
      connected: true,
      seq: 12,
      bids: [],
      asks: [
        { price: 3640, qty: 100, orders: 1 },
        { price: 3650, qty: 400, orders: 2 },
      ],
    });
  });

  it('ignores updates it already holds and resubscribes when one was missed', () => {
    const { sockets, state } = setup();
    sockets[0].onopen!();
    sockets[0].deliver({ type: 'snapshot', seq: 10, bids: [[3600, 300, 2]], asks: [] });
    sockets[0].deliver({ type: 'depth', prevSeq: 8, seq: 9, bids: [[3600, 0, 0]], asks: [] });
    expect(state().bids).toEqual([{ price: 3600, qty: 300, orders: 2 }]);
    sockets[0].deliver({ type: 'depth', prevSeq: 11, seq: 13, bids: [[3600, 0, 0]], asks: [] });
    expect(state().seq).toBe(10); // not applied
    expect(sockets[0].sent).toEqual([subscribe, subscribe]); // asked for a new snapshot
  });

  it('keeps each trade once, oldest first', () => {
    const { sockets, state } = setup();
    sockets[0].onopen!();
    const trade = { type: 'trade', seq: 11, price: 3650, qty: 100, aggressor: 'buy', executedAt: 1 };
    sockets[0].deliver({ ...trade, tradeNo: 1 });
    sockets[0].deliver({ ...trade, tradeNo: 2 });
    sockets[0].deliver({ ...trade, tradeNo: 1 });
    expect(state().trades.map((t) => t.tradeNo)).toEqual([1, 2]);
  });

  it('reconnects with doubling backoff after a lost connection and resynchronises from a new snapshot', () => {
    const { sockets, timers, state } = setup();
    sockets[0].onopen!();
    sockets[0].deliver({ type: 'snapshot', seq: 10, bids: [[3600, 300, 2]], asks: [] });
    sockets[0].onclose!();
    expect(state().connected).toBe(false);
    expect(timers.map((t) => t.ms)).toEqual([100]);
    timers[0].fn();
    sockets[1].onclose!(); // the server is still down
    expect(timers.map((t) => t.ms)).toEqual([100, 200]);
    timers[1].fn();
    sockets[2].onopen!();
    expect(sockets[2].sent).toEqual([subscribe]);
    sockets[2].deliver({ type: 'snapshot', seq: 15, bids: [[3610, 50, 1]], asks: [] });
    expect(state()).toMatchObject({ connected: true, seq: 15, bids: [{ price: 3610, qty: 50, orders: 1 }] });
  });

  it('stops for good: closes the socket and does not reconnect', () => {
    const { client, sockets, timers } = setup();
    sockets[0].onopen!();
    client.stop();
    expect(sockets[0].closed).toBe(true);
    sockets[0].onclose!();
    expect(timers).toEqual([]);
  });

  it('ignores other instruments', () => {
    const { sockets, state } = setup();
    sockets[0].onopen!();
    sockets[0].onmessage!({
      data: JSON.stringify({ type: 'snapshot', instrument: 'SCEA-2025', seq: 1, bids: [], asks: [] }),
    });
    expect(state().seq).toBeUndefined();
  });
});
