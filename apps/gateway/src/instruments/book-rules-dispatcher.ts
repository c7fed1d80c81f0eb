import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ConfigureBookMessage,
  exchangeQueueFor,
  InstrumentRulesChangedData,
  SERVICE_ACTORS,
  type WithActor,
} from '@app/contracts';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig, DerivedRuleChange, InstrumentCatalogue } from '@app/platform';

const BOOK_RULES = [
  'referencePrice',
  'bandBp',
  'blockBandBp',
  'blockMinQty',
  'maxOrderQty',
  'tick',
  'lot',
  'modes',
] as const;

/** The part of a decision the matching engine enforces; empty when it changes none of it. */
export function bookChanges(
  decision: Pick<InstrumentRulesChangedData, 'changes'>,
): ConfigureBookMessage['changes'] {
  return Object.fromEntries(
    BOOK_RULES.filter((k) => decision.changes[k] !== undefined).map((k) => [k, decision.changes[k]]),
  );
}

interface BookRulesItem {
  symbol: string;
  decisionId: string;
  effectiveFromMs: number;
  changes: ConfigureBookMessage['changes'];
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
    await this.send(
      due.map((d) => ({ ...d, changes: bookChanges(d) })),
      now,
    );
    for (const d of due) this.sent.add(d.decisionId);
    return due.length;
  }

  /**
   * Sends each book the newest due derived change of each source (a standard's class rules, the
   * previous close as reference) not sent yet. The values are those `rulesAt(now)` resolves for
   * the fields it touches, so the book gets the rule that wins by precedence (a later decision on
   * the instrument stays), whatever order the changes reach it in.
   */
  async dispatchDerived(
    changes: readonly DerivedRuleChange[],
    now: number,
    catalogue: InstrumentCatalogue,
  ): Promise<number> {
    const newest = new Map<string, DerivedRuleChange>();
    for (const c of changes) {
      if (c.effectiveFromMs > now) continue;
      const key = `${c.symbol}|${c.source}`;
      const seen = newest.get(key);
      if (!seen || c.effectiveFromMs >= seen.effectiveFromMs) newest.set(key, c);
    }
    const due = [...newest.values()].filter((c) => !this.sent.has(`${c.symbol}|${c.id}`));
    const items = due.flatMap((c) => {
      const rules = catalogue.rulesAt(c.symbol, now);
      if (!rules) return [];
      const resolved = bookChanges({
        changes: Object.fromEntries(Object.keys(c.changes).map((k) => [k, rules[k as keyof typeof rules]])),
      });
      return Object.keys(resolved).length > 0
        ? [{ symbol: c.symbol, decisionId: c.id, effectiveFromMs: c.effectiveFromMs, changes: resolved }]
        : [];
    });
    await this.send(items, now);
    for (const c of due) this.sent.add(`${c.symbol}|${c.id}`);
    return items.length;
  }

  private async send(items: readonly BookRulesItem[], now: number): Promise<void> {
    if (items.length === 0) return;
    await this.dataSource.transaction((manager) =>
      this.outbox.enqueue(
        manager,
        items.map((d) => {
          const message: WithActor<ConfigureBookMessage> = {
            commandId: `configure:${d.symbol}:${d.decisionId}`,
            instrument: d.symbol,
            decisionId: d.decisionId,
            effectiveFromMs: d.effectiveFromMs,
            changes: d.changes,
            receivedAt: now,
            by: SERVICE_ACTORS.bookRules,
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
  }
}
