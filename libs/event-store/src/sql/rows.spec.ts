import fc from 'fast-check';
import { EVENT_STORE_ERRORS } from '../errors';
import { checkpointOf, compareCheckpoints, toSafeNumber, toStoredEvent } from './rows';

describe('row mapping', () => {
  it('maps a row to a stored event with numeric positions', () => {
    const event = toStoredEvent({
      global_position: '42',
      transaction_id: '1001',
      stream_id: 'acct-1',
      stream_version: 3,
      type: 'UnitsIssued',
      data: { qty: 1 },
      metadata: null,
      recorded_at_ms: 1764000000123.456,
    });
    expect(event).toEqual({
      globalPosition: 42,
      transactionId: 1001,
      streamId: 'acct-1',
      streamVersion: 3,
      type: 'UnitsIssued',
      data: { qty: 1 },
      metadata: {},
      recordedAt: new Date(1764000000123),
    });
    expect(checkpointOf(event)).toEqual({ transactionId: 1001, globalPosition: 42 });
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
