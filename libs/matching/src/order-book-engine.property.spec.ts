import fc from 'fast-check';
import { OrderBookEngine } from './order-book-engine';
import type { MatchingEvent } from './commands/matching-event';
import { BookInvariants } from './testing/book-invariants';
import { continuousCommands } from './testing/command-arbitrary';
import { ReferenceBook } from './testing/reference-book';

const withoutSeq = (events: MatchingEvent[]): unknown[] => events.map(({ seq: _seq, ...rest }) => rest);

describe('OrderBookEngine against the reference book (random command streams)', () => {
  it('produces exactly the reference events, command by command', () => {
    fc.assert(
      fc.property(continuousCommands(), (commands) => {
        const engine = new OrderBookEngine({ instrument: 'P' });
        const reference = new ReferenceBook();
        for (const command of commands) {
          expect(withoutSeq(engine.apply(command))).toEqual(reference.apply(command));
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('keeps the book uncrossed and conserves quantity after every command', () => {
    fc.assert(
      fc.property(continuousCommands(), (commands) => {
        const engine = new OrderBookEngine({ instrument: 'P' });
        const invariants = new BookInvariants();
        for (const command of commands) {
          invariants.observe(command, engine.apply(command));
          invariants.check(engine);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });

  it('numbers events 1, 2, 3, ... per book', () => {
    fc.assert(
      fc.property(continuousCommands(), (commands) => {
        const engine = new OrderBookEngine({ instrument: 'P' });
        const seqs = commands.flatMap((c) => engine.apply(c).map((e) => e.seq));
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      }),
      { numRuns: 100 },
    );
  });

  it('snapshot, JSON round trip and restore at any point gives the same events and state', () => {
    fc.assert(
      fc.property(continuousCommands(), fc.nat(), (commands, cut) => {
        const k = commands.length === 0 ? 0 : cut % (commands.length + 1);
        const straight = new OrderBookEngine({ instrument: 'P', referencePrice: 100, bandBp: 1000 });
        const first = commands.slice(0, k).map((c) => straight.apply(c));
        const restarted = OrderBookEngine.restore(JSON.parse(JSON.stringify(straight.snapshot())));
        const straightRest = commands.slice(k).map((c) => straight.apply(c));
        const restartedRest = commands.slice(k).map((c) => restarted.apply(c));
        expect(restartedRest).toEqual(straightRest);
        expect(restarted.snapshot()).toEqual(straight.snapshot());
        expect(first.length).toBe(k);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
