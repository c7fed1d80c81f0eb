import { allExchangeQueues, exchangeQueueFor, shardOf } from './exchange-commands';

describe('shard routing', () => {
  it('hashes with 32-bit FNV-1a, so the mapping never depends on the process', () => {
    // Published FNV-1a test vectors.
    expect(shardOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(shardOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
    expect(shardOf('foobar', 4)).toBe(0xbf9cf968 % 4);
  });

  it('spreads the catalogue over the shards and names one queue per shard', () => {
    const symbols = Array.from({ length: 200 }, (_, i) => `SYM${i}`);
    const used = new Set(symbols.map((s) => shardOf(s, 4)));
    expect(used).toEqual(new Set([0, 1, 2, 3]));
    expect(allExchangeQueues(3)).toEqual(['exchange-shard-0', 'exchange-shard-1', 'exchange-shard-2']);
    expect(allExchangeQueues(4)).toContain(exchangeQueueFor('SCEA-2025', 4));
  });
});
