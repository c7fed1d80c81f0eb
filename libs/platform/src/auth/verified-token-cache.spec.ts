import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  it('answers a token until its exp second, then forgets it', () => {
    const cache = new VerifiedTokenCache<string>(10);
    cache.set('t', 's', 'principal', 1_060);
    expect(cache.get('t', 's', 1_000_000)).toBe('principal');
    expect(cache.get('t', 's', 1_059_999)).toBe('principal');
    expect(cache.get('t', 's', 1_060_000)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.get('t', 's', 1_000_000)).toBeUndefined();
  });

  it('answers only for the secret the token was verified with', () => {
    const cache = new VerifiedTokenCache<string>(10);
    cache.set('t', 'secret-a', 'principal', 100);
    expect(cache.get('t', 'secret-b', 0)).toBeUndefined();
    expect(cache.get('t', 'secret-a', 0)).toBe('principal');
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new VerifiedTokenCache<number>(3);
    for (const n of [1, 2, 3]) cache.set(`t${n}`, 's', n, 100);
    expect(cache.get('t1', 's', 0)).toBe(1); // t1 used: t2 is now the oldest
    cache.set('t4', 's', 4, 100);
    expect(cache.size).toBe(3);
    expect(cache.get('t2', 's', 0)).toBeUndefined();
    expect([cache.get('t1', 's', 0), cache.get('t3', 's', 0), cache.get('t4', 's', 0)]).toEqual([1, 3, 4]);
    for (let n = 5; n < 1_000; n++) cache.set(`t${n}`, 's', n, 100);
    expect(cache.size).toBe(3);
    expect(cache.get('t999', 's', 0)).toBe(999);
  });

  it('stores nothing when its size is 0, and refuses a size that is not a whole number', () => {
    const cache = new VerifiedTokenCache<number>(0);
    cache.set('t', 's', 1, 100);
    expect(cache.get('t', 's', 0)).toBeUndefined();
    expect(() => new VerifiedTokenCache(-1)).toThrow(RangeError);
    expect(() => new VerifiedTokenCache(1.5)).toThrow(RangeError);
  });
});
