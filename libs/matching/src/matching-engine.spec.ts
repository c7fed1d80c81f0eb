import { MatchingEngine } from './matching-engine';

describe('MatchingEngine (router)', () => {
  it('keeps one independent book per instrument, created on first use', () => {
    const engine = new MatchingEngine();
    engine.apply({ type: 'limit', id: 'o1', side: 'sell', price: 100, qty: 5, instrument: 'CQEA' });
    const events = engine.apply({
      type: 'limit',
      id: 'o1',
      side: 'buy',
      price: 100,
      qty: 5,
      instrument: 'SCEA',
    });
    expect(events.map((e) => e.type)).toEqual(['accepted']);
    expect(engine.instruments().sort()).toEqual(['CQEA', 'SCEA']);
  });

  it('configure creates a book with rules or changes a live one; invalid config is refused', () => {
    const engine = new MatchingEngine();
    expect(engine.configure({ instrument: 'X', tick: 10 })).toBe(true);
    expect(
      engine.apply({ type: 'limit', id: 'a', side: 'buy', price: 105, qty: 1, instrument: 'X' })[0],
    ).toMatchObject({
      reason: 'off-tick',
    });
    expect(engine.configure({ instrument: 'X', tick: 5 })).toBe(true);
    expect(
      engine.apply({ type: 'limit', id: 'a', side: 'buy', price: 105, qty: 1, instrument: 'X' })[0],
    ).toMatchObject({
      type: 'accepted',
    });
    expect(engine.configure({ instrument: 'Y', lot: -1 })).toBe(false);
  });

  it('snapshots and restores all books', () => {
    const engine = new MatchingEngine();
    engine.apply({ type: 'limit', id: 'o1', side: 'sell', price: 100, qty: 5, instrument: 'A' });
    const restored = MatchingEngine.restore(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(restored.book('A').remainingQty('o1')).toBe(5);
    expect(
      restored.apply({ type: 'market', id: 'm', side: 'buy', qty: 5, instrument: 'A' }).map((e) => e.type),
    ).toEqual(['accepted', 'trade']);
  });

  it('a restored engine keeps the defaults it is given for books created after the restore', () => {
    const defaults = { referencePrice: 1000, bandBp: 1000 };
    const engine = new MatchingEngine(defaults);
    engine.apply({ type: 'limit', id: 'o1', side: 'sell', price: 1000, qty: 5, instrument: 'A' });
    const snapshot = JSON.stringify(engine.snapshot());
    const restored = MatchingEngine.restore(JSON.parse(snapshot), defaults);
    const later = {
      type: 'limit' as const,
      id: 'x',
      side: 'buy' as const,
      price: 1200,
      qty: 1,
      instrument: 'NEW',
    };
    expect(restored.apply(later)).toEqual(engine.apply(later));
    expect(restored.apply(later)[0]).toMatchObject({ reason: 'outside-band' });
    const withoutDefaults = MatchingEngine.restore(JSON.parse(snapshot));
    expect(withoutDefaults.apply(later)[0]).toMatchObject({ type: 'accepted' });
  });

  it('a non-string instrument is a bad command (reported by the default book), not a route', () => {
    const engine = new MatchingEngine();
    const events = engine.apply({
      type: 'limit',
      id: 'o1',
      side: 'buy',
      price: 10,
      qty: 1,
      instrument: 7 as unknown as string,
    });
    expect(events).toEqual([{ type: 'rejected', seq: 1, id: 'o1', reason: 'bad-command' }]);
    expect(engine.book().remainingQty('o1')).toBeUndefined();
  });

  it('numbers events per book: interleaved instruments each count 1, 2, 3, ... on their own', () => {
    const engine = new MatchingEngine();
    const seqs: Record<string, number[]> = { A: [], B: [] };
    const commands = [
      { type: 'limit' as const, id: 's', side: 'sell' as const, price: 10, qty: 5, instrument: 'A' },
      { type: 'limit' as const, id: 's', side: 'sell' as const, price: 10, qty: 5, instrument: 'B' },
      { type: 'market' as const, id: 'm', side: 'buy' as const, qty: 7, instrument: 'A' },
      { type: 'cancel' as const, id: 'nope', instrument: 'B' },
      { type: 'cancel' as const, id: 's', instrument: 'B' },
    ];
    for (const c of commands) seqs[c.instrument].push(...engine.apply(c).map((e) => e.seq));
    expect(seqs).toEqual({ A: [1, 2, 3, 4], B: [1, 2, 3] });
    expect(engine.book('A').lastSeq).toBe(4);
  });
});
