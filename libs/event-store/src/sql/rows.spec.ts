import fc from 'fast-check';
import { EVENT_STORE_ERRORS } from '../errors';
import { checkpointOf, compareCheckpoints, toSafeNumber, unpackRows, type PackedRow } from './rows';

describe('row mapping', () => {
  const row: PackedRow = {
    position: '42',
    transaction_id: '1001',
    stream_id: 'acct-1',
    first_version: 3,
    count: 2,
    events: [
      { type: 'UnitsIssued', data: { qty: 1 }, metadata: null },
      { type: 'UnitsRetired', data: { qty: 1 }, metadata: { commandId: 'c' } },
    ],
    recorded_at_ms: 1764000000123.456,
  };

  it('maps a packed row to its events, each at the row position and version plus its index', () => {
    const events = unpackRows([row]);
    expect(events).toEqual([
      {
        globalPosition: 42,
        transactionId: 1001,
        streamId: 'acct-1',
        streamVersion: 3,
        type: 'UnitsIssued',
        data: { qty: 1 },
        metadata: {},
        recordedAt: new Date(1764000000123),
      },
      {
        globalPosition: 43,
        transactionId: 1001,
        streamId: 'acct-1',
        streamVersion: 4,
        type: 'UnitsRetired',
        data: { qty: 1 },
        metadata: { commandId: 'c' },
        recordedAt: new Date(1764000000123),
      },
    ]);
    expect(checkpointOf(events[0])).toEqual({ transactionId: 1001, globalPosition: 42 });
  });

  it('keeps only the events asked for, up to the limit', () => {
    const next = { ...row, position: '1024', first_version: 5 };
    expect(unpackRows([row, next], 2, (e) => e.globalPosition > 42).map((e) => e.globalPosition)).toEqual([
      43, 1024,
    ]);
    expect(unpackRows([row, next], 1).map((e) => e.streamVersion)).toEqual([3]);
  });

  it('refuses positions beyond 2^53 - 1 instead of rounding them', () => {
    expect(toSafeNumber('9007199254740991', 'p')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber('9007199254740993', 'p')).toThrow(
      expect.objectContaining({ code: EVENT_STORE_ERRORS.POSITION_OVERFLOW }),
    );
  });

  it('orders checkpoints by transaction id, then global position', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), (t1, p1, t2, p2) => {
        const c = compareCheckpoints(
          { transactionId: t1, globalPosition: p1 },
          { transactionId: t2, globalPosition: p2 },
        );
        const expected = t1 !== t2 ? Math.sign(t1 - t2) : Math.sign(p1 - p2);
        expect(Math.sign(c)).toBe(expected);
      }),
    );
  });
});
