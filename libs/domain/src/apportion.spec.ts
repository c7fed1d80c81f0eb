import { apportion } from './apportion';

describe('largest-remainder apportionment', () => {
  it('splits 10 over weights 1:1:1 → 4,3,3 with ties by key', () => {
    const r = apportion(10, [
      { key: 'b', weight: 1 },
      { key: 'a', weight: 1 },
      { key: 'c', weight: 1 },
    ]);
    expect(Object.fromEntries(r)).toEqual({ a: 4, b: 3, c: 3 });
  });

  it('honours an explicit tie order', () => {
    const r = apportion(
      10,
      [
        { key: 'a', weight: 1 },
        { key: 'b', weight: 1 },
        { key: 'c', weight: 1 },
      ],
      ['c', 'b', 'a'],
    );
    expect(Object.fromEntries(r)).toEqual({ a: 3, b: 3, c: 4 });
  });

  it('sums exactly to the total', () => {
    const r = apportion(1_000_003, [
      { key: 'x', weight: 333 },
      { key: 'y', weight: 667 },
      { key: 'z', weight: 1 },
    ]);
    expect([...r.values()].reduce((s, v) => s + v, 0)).toBe(1_000_003);
  });
});
