import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigureBookMessage, exchangeQueueFor, InstrumentRulesChangedData } from '@app/contracts';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';

const BOOK_RULES = [
  'referencePrice',
  'bandBp',
  'blockBandBp',
  'blockMinQty',
  'maxOrderQty',
  'tick',
  'lot',
] as const;

/** The part of a decision the matching engine enforces; empty when it changes none of it. */
export function bookChanges(decision: InstrumentRulesChangedData): ConfigureBookMessage['changes'] {
  return Object.fromEntries(
    BOOK_RULES.filter((k) => decision.changes[k] !== undefined).map((k) => [k, decision.changes[k]]),
  );
}

/**
 * Sends each decision that changes what the book enforces to the book's single writer as a
 * `ConfigureBook` command once its effective time has come. Every gateway may send it: the
 * outbox and the worker both dedupe by the message id, so the book applies it once.
 */
@Injectable()
export class BookRulesDispatcher {
  private readonly sent = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends the decisions due at `now` not sent by this process yet; returns how many it sent. */
  async dispatchDue(decisions: readonly InstrumentRulesChangedData[], now: number): Promise<number> {
    const due = decisions.filter(
      (d) =>
        d.effectiveFromMs <= now && !this.sent.has(d.decisionId) && Object.keys(bookChanges(d)).length > 0,
    );
    if (due.length === 0) return 0;
    await this.dataSource.transaction((manager) =>
      this.outbox.enqueue(
        manager,
        due.map((d) => {
          const message: ConfigureBookMessage = {
            commandId: `configure:${d.symbol}:${d.decisionId}`,
            instrument: d.symbol,
            decisionId: d.decisionId,
            effectiveFromMs: d.effectiveFromMs,
            changes: bookChanges(d),
            receivedAt: now,
          };
          return {
            queue: exchangeQueueFor(d.symbol, this.config.EXCHANGE_SHARDS),
            name: 'ConfigureBook',
            payload: message,
            messageId: message.commandId,
          };
        }),
      ),
    );
    for (const d of due) this.sent.add(d.decisionId);
    return due.length;
  }
}
