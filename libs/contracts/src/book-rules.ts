import type { ConfigureBookMessage } from './exchange-commands';

/** Event `BookConfigured`: a regulator's decision now in force in the book (replayed on load). */
export interface BookConfiguredData {
  instrument: string;
  decisionId: string;
  changes: ConfigureBookMessage['changes'];
  effectiveFromMs: number;
  /** When the worker applied it (the sender's clock). */
  at: number;
}
