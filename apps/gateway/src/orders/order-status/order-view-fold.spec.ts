import fc from 'fast-check';
import type { StoredEvent } from '@app/event-store';
import { foldOrderEvents, type OrderViewState } from './order-view-fold';

let position = 0;
const at = (type: string, data: unknown): StoredEvent =>
  ({
    type,
    data,
    globalPosition: ++position,
    streamId: 'book-X',
    streamVersion: position,
  }) as unknown as StoredEvent;
const accepted = (orderId: string, qty: number, price = 100) =>
  at('OrderAccepted', {
    order: { orderId, instrument: 'X', account: 'm1', side: 'buy', type: 'limit', price, qty },
  });
const trade = (buyOrderId: string, sellOrderId: string, qty: number) =>
  at('TradeExecuted', { buyOrderId, sellOrderId, qty });

const fold = (events: StoredEvent[], rows = new Map<string, OrderViewState>()) => {
  const changed = foldOrderEvents(rows, events);
  return { rows, changed };
};

describe('foldOrderEvents', () => {
  it('rests an accepted order, reduces both sides of a trade and marks them filled or partly', () => {
    const { rows, changed } = fold([accepted('b', 10), accepted('s', 4), trade('b', 's', 4)]);
    expect(changed).toEqual(new Set(['b', 's']));
    expect(rows.get('b')).toMatchObject({ filled: 4, remaining: 6, status: 'partially-filled' });
    expect(rows.get('s')).toMatchObject({ filled: 4, remaining: 0, status: 'filled' });
  });

  it('cancels, amends (qty counts what was filled) and notes a refused amendment only while open', () => {
    const { rows } = fold([
      accepted('a', 10),
      accepted('c', 3),
      trade('a', 'c', 3),
      at('OrderAmended', { orderId: 'a', price: 90, qty: 5 }),
      at('AmendRejected', { orderId: 'a', reason: 'band' }),
      at('OrderCancelled', { orderId: 'a', reason: 'user' }),
      at('AmendRejected', { orderId: 'a', reason: 'late' }),
    ]);
    expect(rows.get('a')).toMatchObject({
      price: 90,
      qty: 8,
      filled: 3,
      remaining: 0,
      status: 'cancelled',
      reason: 'user',
    });
  });

  it('lets an accepted order replace a rejection under its id, but not the other way round', () => {
    const { rows } = fold([
      at('OrderRejected', { orderId: 'r', instrument: 'X', reason: 'funds' }),
      accepted('r', 7),
      at('OrderRejected', { orderId: 'r', instrument: 'X', reason: 'again' }),
    ]);
    expect(rows.get('r')).toMatchObject({ status: 'open', remaining: 7, reason: null, account: 'm1' });
  });

  it('changes nothing for events it already applied, and ignores orders it has no row for', () => {
    const events = [accepted('a', 10), accepted('b', 10), trade('a', 'b', 2)];
    const { rows } = fold(events);
    const before = structuredClone([...rows]);
    expect(fold(events, rows).changed.size).toBe(0);
    expect([...rows]).toEqual(before);
    expect(fold([trade('ghost', 'b', 1)], new Map()).changed.size).toBe(0);
  });

  it('gives the same rows however the log is cut into batches', () => {
    const event = fc.oneof(
      fc.record({
        kind: fc.constant('accept' as const),
        id: fc.nat(4),
        qty: fc.integer({ min: 5, max: 20 }),
      }),
      fc.record({
        kind: fc.constant('trade' as const),
        id: fc.nat(4),
        other: fc.nat(4),
        qty: fc.constant(1),
      }),
      fc.record({ kind: fc.constant('cancel' as const), id: fc.nat(4) }),
      fc.record({ kind: fc.constant('amend' as const), id: fc.nat(4), qty: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ kind: fc.constant('reject' as const), id: fc.nat(4) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.nat(), (specs, cutAt) => {
        const events = specs.map((s) =>
          s.kind === 'accept'
            ? accepted(`o${s.id}`, s.qty)
            : s.kind === 'trade'
              ? trade(`o${s.id}`, `o${s.other}`, s.qty)
              : s.kind === 'cancel'
                ? at('OrderCancelled', { orderId: `o${s.id}`, reason: 'user' })
                : s.kind === 'amend'
                  ? at('OrderAmended', { orderId: `o${s.id}`, price: 95, qty: s.qty })
                  : at('OrderRejected', { orderId: `o${s.id}`, instrument: 'X', reason: 'no' }),
        );
        const whole = fold(events).rows;
        const cut = cutAt % (events.length + 1);
        const split = fold(events.slice(cut), fold(events.slice(0, cut)).rows).rows;
        expect(split).toEqual(whole);
      }),
    );
  });
});
