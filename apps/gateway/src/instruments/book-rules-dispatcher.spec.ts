import type { InstrumentRulesChangedData } from '@app/contracts';
import type { Outbox, OutboxMessage } from '@app/messaging';
import { InstrumentCatalogue, parseAppConfig, type DerivedRuleChange } from '@app/platform';
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
          changes: { referencePrice: 4000, bandBp: 500, modes: ['continuous'] },
          receivedAt: EFFECTIVE,
          by: { role: 'service', id: 'gateway.book-rules' },
        },
      },
    ]);
  });

  it('leaves out decisions that change nothing the book enforces (hours, sell limit)', async () => {
    const { books, sent } = dispatcher();
    const hours = decision({
      decisionId: 'hours',
      changes: {
        hours: { timezone: 'Asia/Shanghai', continuous: [], block: [] },
        freeAllocationSellLimit: { enabled: true, maxShareBp: 5000 },
      },
    });
    expect(await books.dispatchDue([hours], EFFECTIVE)).toBe(0);
    expect(sent).toEqual([]);
  });

  it('sends the trading modes, which the book enforces per session', async () => {
    const { books, sent } = dispatcher();
    expect(
      await books.dispatchDue([decision({ decisionId: 'suspend', changes: { modes: [] } })], EFFECTIVE),
    ).toBe(1);
    expect(sent.map((m) => (m.payload as { changes: unknown }).changes)).toEqual([{ modes: [] }]);
  });

  it('sends each book the newest due close and standard once, with the values that win by precedence', async () => {
    const { books, sent } = dispatcher();
    const catalogue = InstrumentCatalogue.load('seeds');
    const close = (id: string, referencePrice: number, effectiveFromMs: number): DerivedRuleChange => ({
      id,
      symbol: 'CQEA-2025',
      source: 'closing-price',
      effectiveFromMs,
      changes: { referencePrice },
    });
    const standard: DerivedRuleChange = {
      id: 'pricing-standard:2026.2',
      symbol: 'CQEA-2025',
      source: 'pricing-standard',
      effectiveFromMs: EFFECTIVE - 1,
      changes: { tick: 1, bandBp: 500, blockBandBp: 2000 },
    };
    const derived = [standard, close('close:a', 3700, EFFECTIVE - 1), close('close:b', 3899, EFFECTIVE)];
    for (const d of derived) catalogue.applyDerived(d);
    // A decision on the instrument effective with the close keeps its band over the standard's.
    catalogue.apply(decision({ changes: { bandBp: 800 } }));
    expect(await books.dispatchDerived(derived, EFFECTIVE - 1, catalogue)).toBe(2);
    expect(await books.dispatchDerived(derived, EFFECTIVE, catalogue)).toBe(1);
    expect(await books.dispatchDerived(derived, EFFECTIVE + 1000, catalogue)).toBe(0);
    expect(sent.map((m) => [m.messageId, (m.payload as { changes: unknown }).changes])).toEqual([
      ['configure:CQEA-2025:pricing-standard:2026.2', { tick: 1, bandBp: 500, blockBandBp: 2000 }],
      ['configure:CQEA-2025:close:a', { referencePrice: 3700 }],
      ['configure:CQEA-2025:close:b', { referencePrice: 3899 }],
    ]);
    catalogue.applyDerived({ ...standard, id: 'pricing-standard:2026.3' });
    await books.dispatchDerived(
      [...derived, { ...standard, id: 'pricing-standard:2026.3' }],
      EFFECTIVE,
      catalogue,
    );
    expect(sent.at(-1)).toMatchObject({
      messageId: 'configure:CQEA-2025:pricing-standard:2026.3',
      payload: { changes: { tick: 1, bandBp: 800, blockBandBp: 2000 } },
    });
  });
});
