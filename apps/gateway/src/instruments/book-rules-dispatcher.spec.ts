import type { InstrumentRulesChangedData } from '@app/contracts';
import type { Outbox, OutboxMessage } from '@app/messaging';
import { parseAppConfig } from '@app/platform';
import type { DataSource } from 'typeorm';
import { BookRulesDispatcher } from './book-rules-dispatcher';

const EFFECTIVE = Date.parse('2026-12-01T00:00:00+08:00');

const decision = (over: Partial<InstrumentRulesChangedData>): InstrumentRulesChangedData => ({
  symbol: 'CQEA-2025',
  decisionId: 'd1',
  regulator: 'regulator-cq',
  effectiveFrom: '2026-12-01',
  effectiveFromMs: EFFECTIVE,
  changes: { referencePrice: 4000, bandBp: 500, modes: ['continuous'] },
  decidedAt: 0,
  ...over,
});

function dispatcher() {
  const sent: OutboxMessage[] = [];
  const outbox = { enqueue: async (_m: unknown, messages: OutboxMessage[]) => void sent.push(...messages) };
  const dataSource = { transaction: (work: (manager: unknown) => Promise<void>) => work({}) };
  const books = new BookRulesDispatcher(
    dataSource as unknown as DataSource,
    outbox as unknown as Outbox,
    parseAppConfig({ EXCHANGE_SHARDS: '4' }),
  );
  return { books, sent };
}

describe('BookRulesDispatcher', () => {
  it('sends nothing before the effective time, then the book rules once, named by the decision', async () => {
    const { books, sent } = dispatcher();
    expect(await books.dispatchDue([decision({})], EFFECTIVE - 1)).toBe(0);
    expect(await books.dispatchDue([decision({})], EFFECTIVE)).toBe(1);
    expect(await books.dispatchDue([decision({})], EFFECTIVE + 1000)).toBe(0);
    expect(sent).toEqual([
      {
        queue: expect.stringMatching(/^exchange-shard-[0-3]$/),
        name: 'ConfigureBook',
        messageId: 'configure:CQEA-2025:d1',
        payload: {
          commandId: 'configure:CQEA-2025:d1',
          instrument: 'CQEA-2025',
          decisionId: 'd1',
          effectiveFromMs: EFFECTIVE,
          changes: { referencePrice: 4000, bandBp: 500 },
          receivedAt: EFFECTIVE,
        },
      },
    ]);
  });

  it('leaves out decisions that change nothing the book enforces (hours, modes, sell limit)', async () => {
    const { books, sent } = dispatcher();
    const hoursOnly = decision({ decisionId: 'hours', changes: { modes: ['continuous', 'block'] } });
    expect(await books.dispatchDue([hoursOnly], EFFECTIVE)).toBe(0);
    expect(sent).toEqual([]);
  });
});
