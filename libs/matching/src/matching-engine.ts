import type { BookConfig } from './core/book-config';
import type { EventSink } from './core/event-sink';
import { applyCommand } from './commands/apply-command';
import { CollectingSink } from './commands/collecting-sink';
import type { MatchingCommand } from './commands/matching-command';
import type { MatchingEvent } from './commands/matching-event';
import { OrderBookEngine } from './order-book-engine';
import type { BookSnapshot } from './snapshot/book-snapshot';

/** Instrument key of the book that receives commands without `instrument`. */
export const DEFAULT_INSTRUMENT = '';

/**
 * Many independent books keyed by instrument; a book is created with default rules
 * (tick 1, lot 1, no band, continuous) the first time a command names it.
 */
export class MatchingEngine {
  private readonly books = new Map<string, OrderBookEngine>();

  constructor(private readonly defaults: Omit<BookConfig, 'instrument'> = {}) {}

  book(instrument: string = DEFAULT_INSTRUMENT): OrderBookEngine {
    let book = this.books.get(instrument);
    if (book === undefined) {
      book = new OrderBookEngine({ ...this.defaults, instrument });
      this.books.set(instrument, book);
    }
    return book;
  }

  instruments(): string[] {
    return [...this.books.keys()];
  }

  /** Creates or reconfigures a book; false when the config is invalid. */
  configure(config: BookConfig): boolean {
    const existing = this.books.get(config.instrument);
    if (existing !== undefined) {
      const { instrument: _i, session: _s, ...changes } = config;
      return existing.configure(changes);
    }
    try {
      this.books.set(config.instrument, new OrderBookEngine({ ...this.defaults, ...config }));
      return true;
    } catch {
      return false;
    }
  }

  /** Routes an untrusted command object to its book (zero-allocation sink path). */
  dispatch(command: Record<string, unknown>, sink: EventSink): void {
    const instrument = command.instrument;
    if (instrument === undefined || typeof instrument === 'string') {
      applyCommand(this.book(instrument), command, sink);
    } else {
      // Not a string: no book can be named, so the default book reports the bad command.
      this.book().rejectCommand(typeof command.id === 'string' ? command.id : '', sink);
    }
  }

  /** Convenience path: one command (optionally with `instrument`) in, its events out. */
  apply(command: MatchingCommand & { instrument?: string }): MatchingEvent[] {
    const sink = new CollectingSink();
    this.dispatch(command as unknown as Record<string, unknown>, sink);
    return sink.events;
  }

  snapshot(): Record<string, BookSnapshot> {
    const out: Record<string, BookSnapshot> = {};
    for (const [k, b] of this.books) out[k] = b.snapshot();
    return out;
  }

  /**
   * Restores every book. Defaults are not part of the snapshot (they are the deployment's
   * configuration): pass the same ones, or books first named after the restore get other rules.
   */
  static restore(
    snapshot: Record<string, BookSnapshot>,
    defaults: Omit<BookConfig, 'instrument'> = {},
  ): MatchingEngine {
    const engine = new MatchingEngine(defaults);
    for (const [k, s] of Object.entries(snapshot)) engine.books.set(k, OrderBookEngine.restore(s));
    return engine;
  }
}
