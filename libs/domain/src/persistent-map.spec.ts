import fc from 'fast-check';
import { emptyMap, mapGet, mapSet, type PersistentMap } from './persistent-map';

describe('persistent map', () => {
  it('behaves like a Map and never mutates earlier versions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 300 }),
        (ops) => {
          let m: PersistentMap<number> = emptyMap();
          const ref = new Map<string, number>();
          const first = mapSet(m, 'x', 1);
          for (const [k, v] of ops) {
            m = mapSet(m, k, v);
            ref.set(k, v);
          }
          expect(m.size).toBe(ref.size);
          for (const [k, v] of ref) expect(mapGet(m, k)).toBe(v);
          expect(mapGet(m, '\u0000absent')).toBeUndefined();
          expect(mapGet(first, 'x')).toBe(1);
          expect(first.size).toBe(1);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('handles 100,000 keys', () => {
    let m = emptyMap<number>();
    for (let i = 0; i < 100_000; i++) m = mapSet(m, `cmd-${i}`, i);
    expect(m.size).toBe(100_000);
    expect(mapGet(m, 'cmd-77777')).toBe(77_777);
  });
});
