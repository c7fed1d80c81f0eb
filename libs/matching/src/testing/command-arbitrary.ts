import fc from 'fast-check';
import type { MatchingCommand } from '../commands/matching-command';

/**
 * Random continuous-trading command streams over a narrow price range and few accounts, so
 * orders cross, self-trade and get cancelled/amended often. Ids come from a small pool so
 * duplicates and unknown ids happen too.
 */
export function continuousCommands(maxLength = 120): fc.Arbitrary<MatchingCommand[]> {
  const id = fc.integer({ min: 0, max: 40 }).map((n) => `o${n}`);
  const account = fc.constantFrom('', 'a1', 'a2', 'a3', 'a4');
  const side = fc.constantFrom('buy' as const, 'sell' as const);
  const price = fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 95, max: 105 }) },
    fc.constantFrom(0, -1, 1.5),
  );
  const qty = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 30 }) }, fc.constantFrom(0, 2.5));
  const limit = fc.record({
    type: fc.constant('limit' as const),
    id,
    account,
    side,
    price,
    qty,
    tif: fc.constantFrom('GTC' as const, 'GTC' as const, 'IOC' as const, 'FOK' as const),
    postOnly: fc.boolean(),
  });
  const market = fc.record({ type: fc.constant('market' as const), id, account, side, qty });
  const cancel = fc.record({ type: fc.constant('cancel' as const), id });
  const amend = fc.record(
    {
      type: fc.constant('amend' as const),
      id,
      price: fc.integer({ min: 95, max: 105 }),
      qty: fc.integer({ min: 1, max: 30 }),
    },
    { requiredKeys: ['type', 'id'] },
  );
  const command: fc.Arbitrary<MatchingCommand> = fc.oneof(
    { weight: 6, arbitrary: limit },
    { weight: 1, arbitrary: market },
    { weight: 2, arbitrary: cancel },
    { weight: 2, arbitrary: amend },
  );
  return fc.array(command, { maxLength });
}

/** Continuous commands mixed with session changes, auctions, DAY orders, blocks and expiry. */
export function sessionCommands(maxLength = 120): fc.Arbitrary<MatchingCommand[]> {
  const session = fc.record({
    type: fc.constant('session' as const),
    session: fc.constantFrom(
      'pre-open' as const,
      'continuous' as const,
      'closing-auction' as const,
      'closed' as const,
      'halted' as const,
    ),
  });
  const day = fc.record({
    type: fc.constant('limit' as const),
    id: fc.integer({ min: 41, max: 60 }).map((n) => `o${n}`),
    account: fc.constantFrom('a1', 'a2'),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    price: fc.integer({ min: 95, max: 105 }),
    qty: fc.integer({ min: 1, max: 30 }),
    tif: fc.constant('DAY' as const),
  });
  const block = fc.record({
    type: fc.constant('block' as const),
    id: fc.integer({ min: 0, max: 60 }).map((n) => `o${n}`),
    buyer: fc.constant('B'),
    seller: fc.constant('S'),
    price: fc.integer({ min: 60, max: 140 }),
    qty: fc.constantFrom(99_999, 100_000, 250_000),
  });
  const other: fc.Arbitrary<MatchingCommand> = fc.oneof(
    session,
    day,
    block,
    fc.constant({ type: 'uncross' as const }),
    fc.constant({ type: 'expire-day' as const }),
  );
  return fc.array(
    fc.oneof(
      { weight: 4, arbitrary: continuousCommands(1).map((c) => c[0] ?? { type: 'uncross' as const }) },
      other,
    ),
    {
      maxLength,
    },
  );
}
