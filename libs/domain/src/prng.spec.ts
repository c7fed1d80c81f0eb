import { mulberry32, seededShuffle, seedFromString } from './prng';

describe('seeded PRNG', () => {
  it('is reproducible from a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
  });

  it('shuffles deterministically and keeps every element', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const s1 = seededShuffle(items, mulberry32(7));
    expect(seededShuffle(items, mulberry32(7))).toEqual(s1);
    expect([...s1].sort()).toEqual(items);
  });

  it('nextInt stays in range', () => {
    const p = mulberry32(seedFromString('auction-2024-1'));
    for (let i = 0; i < 1000; i++) {
      const x = p.nextInt(7);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(7);
    }
  });
});
