import { MemoryRateLimitStore } from './rate-limit-store';

describe('MemoryRateLimitStore', () => {
  it('counts hits per key within a window and starts again in the next', async () => {
    const store = new MemoryRateLimitStore();
    expect(await store.hit('a', 1000, 5_000)).toBe(1);
    expect(await store.hit('a', 1000, 5_999)).toBe(2);
    expect(await store.hit('b', 1000, 5_999)).toBe(1);
    expect(await store.hit('a', 1000, 6_000)).toBe(1);
  });
});
