import {
  allExchangeQueues,
  commandsInMessage,
  exchangeQueueFor,
  shardOf,
  type PlaceOrderMessage,
} from './exchange-commands';

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

describe('commandsInMessage', () => {
  const order = (orderId: string) =>
    ({ commandId: `place:${orderId}`, orderId, instrument: 'CQEA-2025' }) as PlaceOrderMessage;

  it("gives a PlaceOrders message's orders as PlaceOrder commands, in their order", () => {
    expect(commandsInMessage({ name: 'PlaceOrders', payload: { orders: [order('a'), order('b')] } })).toEqual(
      [
        { name: 'PlaceOrder', payload: order('a') },
        { name: 'PlaceOrder', payload: order('b') },
      ],
    );
  });

  it('gives any other message as its one command', () => {
    const cancel = { name: 'CancelOrder', payload: { commandId: 'c', orderId: 'a', instrument: 'X' } };
    expect(commandsInMessage(cancel)).toEqual([cancel]);
  });

  it('takes who a single command acts for out of its payload, so the book never records it', () => {
    const by = { role: 'admin', id: 'ops' } as const;
    const [command] = commandsInMessage({ name: 'PlaceOrder', payload: { ...order('a'), by } });
    expect(command).toEqual({ name: 'PlaceOrder', payload: order('a'), by });
    expect(command.payload).not.toHaveProperty('by');
  });

  it("gives each order of a PlaceOrders its request's principal, listed once; a bad index gives none", () => {
    const alice = { role: 'admin', id: 'alice' } as const;
    const bob = { role: 'admin', id: 'bob' } as const;
    const commands = commandsInMessage({
      name: 'PlaceOrders',
      payload: {
        orders: [order('a'), order('b'), order('c'), order('d')],
        principals: [alice, bob],
        by: [0, 1, 0, -1],
      },
    });
    expect(commands.map((c) => c.by)).toEqual([alice, bob, alice, undefined]);
    expect(commands[0].by).toBe(commands[2].by);
  });
});
