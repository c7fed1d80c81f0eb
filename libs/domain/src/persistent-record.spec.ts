import fc from 'fast-check';
import { emptyMap, mapDelete, mapEntries, mapGet, mapSet } from './persistent-map';
import { withEntries } from './persistent-record';

describe('withEntries: a persistent record read as a plain object', () => {
  const base = withEntries<number>({}, { b: 1, a: 2 });

  it('reads like the plain object it stands for, in insertion order', () => {
    const r = withEntries(base, { c: 3, b: 10 });
    expect(r.b).toBe(10);
    expect(r.zz).toBeUndefined();
    expect('c' in r).toBe(true);
    expect('zz' in r).toBe(false);
    // An updated key keeps its place; a new one goes last.
    expect(Object.keys(r)).toEqual(['b', 'a', 'c']);
    expect(Object.values(r)).toEqual([10, 2, 3]);
    expect(Object.entries(r)).toEqual([
      ['b', 10],
      ['a', 2],
      ['c', 3],
    ]);
    expect({ ...r }).toEqual({ b: 10, a: 2, c: 3 });
    expect(JSON.stringify(r)).toBe('{"b":10,"a":2,"c":3}');
    expect(r).toEqual({ b: 10, a: 2, c: 3 });
  });

  it('lists integer-like keys first, ascending, as a plain object does', () => {
    let r = withEntries<number>({}, { b: 1 });
    for (const [key, value] of [
      ['10', 2],
      ['a', 3],
      ['2', 4],
    ] as const)
      r = withEntries(r, { [key]: value });
    expect(Object.keys(r)).toEqual(['2', '10', 'b', 'a']);
    expect(JSON.stringify(r)).toBe(JSON.stringify({ b: 1, '10': 2, a: 3, '2': 4 }));
  });

  it('leaves the version it came from as it was', () => {
    const next = withEntries(base, { a: 20, d: 4 }, ['b']);
    expect({ ...base }).toEqual({ b: 1, a: 2 });
    expect({ ...next }).toEqual({ a: 20, d: 4 });
  });

  it('takes a plain object over in its order, and cannot be changed in place', () => {
    const plain = { x: 1, y: 2 };
    const r = withEntries(plain, { z: 3 });
    expect(Object.keys(r)).toEqual(['x', 'y', 'z']);
    expect(plain).toEqual({ x: 1, y: 2 });
    expect(() => ((r as Record<string, number>).x = 5)).toThrow(TypeError);
    expect(() => delete (r as Record<string, number>).x).toThrow(TypeError);
    expect(r.x).toBe(1);
  });

  it('matches a plain object under any sequence of sets and removals (property)', () => {
    // Integer-like keys ("0", "42") come first in a plain object, ascending; "042", "-1" and
    // "4294967295" are not array indexes and keep their insertion place.
    const key = fc.constantFrom(
      'a',
      'b',
      'c',
      'acct-1',
      'acct-2',
      'lock:9',
      'toString',
      '',
      '0',
      '7',
      '42',
      '042',
      '-1',
      '4294967294',
      '4294967295',
    );
    const op = fc.oneof(fc.record({ set: key, value: fc.integer() }), fc.record({ remove: key }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let model: Record<string, number> = {};
        let r = withEntries<number>({}, {});
        for (const o of ops) {
          if ('set' in o) {
            model = { ...model, [o.set]: o.value };
            r = withEntries(r, { [o.set]: o.value });
          } else {
            const { [o.remove]: _gone, ...rest } = model;
            model = rest;
            r = withEntries(r, {}, [o.remove]);
          }
        }
        expect(Object.entries(r)).toEqual(Object.entries(model));
      }),
    );
  });
});

describe('persistent map: delete and entries', () => {
  it('deletes a key without touching the version it came from; every entry is listed once', () => {
    let m = emptyMap<number>();
    for (let i = 0; i < 2_000; i++) m = mapSet(m, `k${i}`, i);
    const fewer = mapDelete(m, 'k7');
    expect(mapGet(fewer, 'k7')).toBeUndefined();
    expect(mapGet(m, 'k7')).toBe(7);
    expect(fewer.size).toBe(1_999);
    expect(mapDelete(fewer, 'k7')).toBe(fewer);
    const listed = [...mapEntries(fewer)];
    expect(listed).toHaveLength(1_999);
    expect(new Set(listed.map(([k]) => k)).size).toBe(1_999);
    expect(listed.every(([k, v]) => k === `k${v}`)).toBe(true);
  });
});
