import type { DataSource, EntityManager } from 'typeorm';
import type { Outbox, OutboxMessage } from '@app/messaging';
import type { InstrumentCatalogue } from '@app/platform';
import type { RegistryPort } from '../shared/registry-streams';

/** Exchange instruments for custody specs: symbol → registry units, as in seeds/instruments.json. */
const INSTRUMENTS: Record<string, { jurisdiction: string; kind: string; vintage?: number }> = {
  'CQEA-2024': { jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2024 },
  'CQEA-2025': { jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
  'SCEA-2025': { jurisdiction: 'SC', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
  CCER: { jurisdiction: 'NATIONAL', kind: 'CCER' },
  CQSO2: { jurisdiction: 'CQ', kind: 'POLLUTANT_SO2' },
  CQWR: { jurisdiction: 'CQ', kind: 'WATER_USE' },
};

export const custodyTestCatalogue = {
  get: (symbol: string) => {
    const instrument = INSTRUMENTS[symbol];
    return instrument && { symbol, ...instrument };
  },
} as unknown as InstrumentCatalogue;

/**
 * The messaging tables a custody command touches (`processed_messages`, the outbox), in memory:
 * what the PostgreSQL twin of a spec's {@link InMemoryRegistry} needs. Its "transactions" do not
 * roll back; the SQL it understands is the custody consumer's.
 */
export class InMemoryMessaging {
  /** `processed_messages` rows as `[consumer, messageId]`, in the order written. */
  readonly acknowledged: [string, string][] = [];
  /** Outbox rows, one per message id (a second enqueue of an id is a no-op, as in the table). */
  readonly sent: OutboxMessage[] = [];

  private readonly manager = {
    query: (sql: string, params: unknown[]): Promise<unknown[]> => {
      const [consumer, messageId] = params as [string, string];
      const row = this.acknowledged.find(([c, m]) => c === consumer && m === messageId);
      if (/^\s*SELECT 1 FROM processed_messages/.test(sql)) return Promise.resolve(row ? [{}] : []);
      if (/^\s*INSERT INTO processed_messages/.test(sql)) {
        if (row) return Promise.resolve([]);
        this.acknowledged.push([consumer, messageId]);
        return Promise.resolve([{ message_id: messageId }]);
      }
      return Promise.reject(new Error(`InMemoryMessaging: unexpected SQL ${sql}`));
    },
  } as unknown as EntityManager;

  readonly dataSource = {
    manager: this.manager,
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(this.manager),
  } as unknown as DataSource;

  readonly outbox = {
    enqueue: (_manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> => {
      for (const m of messages) if (!this.sent.some((s) => s.messageId === m.messageId)) this.sent.push(m);
      return Promise.resolve();
    },
  } as unknown as Outbox;
}

/** The exchange's withdrawal of `qty` CQEA-2025 for member `steel` (reference w-1), as the queue delivers it. */
export const steelWithdrawal = (qty: number) => ({
  id: 'custody-withdrawal:steel:w-1',
  name: 'CustodyWithdrawal',
  payload: {
    member: 'steel',
    instrument: 'CQEA-2025',
    qty,
    reference: 'w-1',
    units: { jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 },
  },
});

/** `quantity` more CQEA-2025 into CQ-EXCHANGE (as another member's deposit would bring). */
export const moreIntoCustody = (registry: RegistryPort, quantity: number) =>
  registry.execute({ jurisdiction: 'CQ', commandId: 'more', actor: 'given' }, () => [
    {
      type: 'IssueUnits',
      commandId: 'more',
      accountId: 'CQ-EXCHANGE',
      jurisdiction: 'CQ',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2025,
      quantity,
    },
  ]);
