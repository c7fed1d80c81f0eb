import fc from 'fast-check';
import { OrderBookEngine } from './order-book-engine';
import { BookInvariants } from './testing/book-invariants';
import { sessionCommands } from './testing/command-arbitrary';

describe('OrderBookEngine with sessions, auctions, DAY orders and blocks (random streams)', () => {
  it('conserves quantity, and is uncrossed whenever trading is continuous', () => {
    fc.assert(
      fc.property(sessionCommands(), (commands) => {
        const engine = new OrderBookEngine({ instrument: 'P', referencePrice: 100 });
        const invariants = new BookInvariants();
        for (const command of commands) {
          invariants.observe(command, engine.apply(command));
          invariants.check(engine);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('snapshot and restore at any point gives identical events and state', () => {
    fc.assert(
      fc.property(sessionCommands(), fc.nat(), (commands, cut) => {
        const k = cut % (commands.length + 1);
        const straight = new OrderBookEngine({ instrument: 'P', referencePrice: 100, bandBp: 500 });
        commands.slice(0, k).forEach((c) => straight.apply(c));
        const restarted = OrderBookEngine.restore(JSON.parse(JSON.stringify(straight.snapshot())));
        for (const c of commands.slice(k)) expect(restarted.apply(c)).toEqual(straight.apply(c));
        expect(restarted.snapshot()).toEqual(straight.snapshot());
        expect(restarted.session).toBe(straight.session);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('a rejected command changes nothing but the sequence number', () => {
    const stateOf = (e: OrderBookEngine): unknown => ({ ...e.snapshot(), seq: 0 });
    fc.assert(
      fc.property(sessionCommands(), (commands) => {
        const engine = new OrderBookEngine({ instrument: 'P', referencePrice: 100, bandBp: 500, tick: 1 });
        for (const command of commands) {
          const before = stateOf(engine);
          const events = engine.apply(command);
          if (events.length === 1 && events[0].type === 'rejected') expect(stateOf(engine)).toEqual(before);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
