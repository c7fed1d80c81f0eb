import type { SessionState } from '../core/codes';
import type { BookState } from '../core/book-state';
import type { EventSink } from '../core/event-sink';
import { uncrossAuction } from '../auction/uncross-auction';

/**
 * Allowed session transitions. Continuous trading is reached only through an opening auction
 * (or at construction), so a continuous book is never crossed.
 */
const ALLOWED: Record<SessionState, readonly SessionState[]> = {
  closed: ['pre-open'],
  'pre-open': ['continuous', 'halted', 'closed'],
  continuous: ['closing-auction', 'halted', 'closed'],
  'closing-auction': ['closed', 'halted'],
  halted: ['pre-open', 'closed'],
};

export function isSessionState(value: unknown): value is SessionState {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ALLOWED, value);
}

/** Leaving pre-open for continuous or closing-auction for closed uncrosses the auction first. */
export function changeSession(book: BookState, to: SessionState, sink: EventSink): void {
  const from = book.session;
  if (!ALLOWED[from].includes(to)) {
    sink.rejected(++book.seq, '', 'bad-transition');
    return;
  }
  const uncrosses =
    (from === 'pre-open' && to === 'continuous') || (from === 'closing-auction' && to === 'closed');
  if (uncrosses) uncrossAuction(book, sink);
  book.session = to;
  sink.sessionChanged(++book.seq, from, to);
}
