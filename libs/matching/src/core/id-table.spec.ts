import fc from 'fast-check';
import { ABSENT, DEAD, IdTable } from './id-table';

describe('IdTable', () => {
  it('maps ids to values, keeps them forever and reports absent ids', () => {
    const t = new IdTable(16);
    for (let i = 0; i < 1000; i++) t.set(`o${i}`, i);
    t.set('o7', DEAD);
    expect(t.get('o7')).toBe(DEAD);
    expect(t.get('o999')).toBe(999);
    expect(t.get('nope')).toBe(ABSENT);
    expect(t.has('o0')).toBe(true);
    expect(t.size).toBe(1000);
  });

  it.each([
    ['decimal', (i: number) => `o${i}`],
    ['base-36', (i: number) => `o${i.toString(36)}`],
    ['prefixed', (i: number) => `acct-${i % 97}-ord-${i}`],
    ['hex', (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0')],
  ])('keeps probe lengths short for %s ids (no clustering)', (_style, id) => {
    const t = new IdTable();
    for (let i = 0; i < 200_000; i++) t.set(id(i), i);
    expect(t.averageProbeLength()).toBeLessThan(1.8);
    expect(t.get(id(123_456))).toBe(123_456);
  });

  it('agrees with a Map under any interleaving of lookups, inserts, updates and growth', () => {
    // Runs of operations on one key (check, then insert, then update) exercise the lookup memo.
    const run = fc.tuple(
      fc.integer({ min: 0, max: 60 }),
      fc.array(fc.tuple(fc.constantFrom('has', 'get', 'set'), fc.integer({ min: -1, max: 9 })), {
        minLength: 1,
        maxLength: 4,
      }),
    );
    fc.assert(
      fc.property(fc.array(run, { maxLength: 120 }), (runs) => {
        const table = new IdTable(4);
        const model = new Map<string, number>();
        for (const [k, ops] of runs) {
          for (const [kind, value] of ops) {
            // Equal keys built separately (not the same string object) must behave the same.
            const key = `id${k}`;
            if (kind === 'set') {
              table.set(key, value);
              model.set(key, value);
            } else if (kind === 'has') expect(table.has(key)).toBe(model.has(key));
            else expect(table.get(key)).toBe(model.get(key) ?? ABSENT);
          }
        }
        expect(table.size).toBe(model.size);
        model.forEach((value, key) => expect(table.get(key)).toBe(value));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('getLive answers a live slot only while that slot still holds the id', () => {
    const t = new IdTable(16);
    const liveIds = ['a', 'b', ''];
    t.set('a', 0);
    t.set('b', 1);
    t.set('c', 2); // c's order was released: its slot now holds ''
    t.set('d', DEAD);
    expect(t.getLive('a', liveIds)).toBe(0);
    expect(t.getLive('c', liveIds)).toBe(-1);
    expect(t.getLive('d', liveIds)).toBe(-1);
    expect(t.getLive('zz', liveIds)).toBe(-1);
    liveIds[0] = 'e'; // slot 0 reused by another order
    expect(t.getLive('a', liveIds)).toBe(-1);
  });
});
