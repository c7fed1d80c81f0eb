import type { DataSource } from 'typeorm';
import { balanceOf } from '@app/ledger';
import type { MessageTransport } from '@app/messaging';
import { givenRegistry } from '../../shared/registry-fixture';
import { ReleaseFromCustodyConsumer } from './release-from-custody.consumer';

const message = (qty: number) => ({
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

describe('ReleaseFromCustodyConsumer', () => {
  describe('given CQ-EXCHANGE holds 500 allowances of 2025', () => {
    const setup = async () => {
      const registry = await givenRegistry('CQ', {
        accounts: ['steel', 'CQ-EXCHANGE'],
        allowances: [{ accountId: 'CQ-EXCHANGE', vintage: 2025, quantity: 500 }],
      });
      const acknowledged: unknown[][] = [];
      const dataSource = {
        manager: { query: (_sql: string, params: unknown[]) => Promise.resolve(acknowledged.push(params)) },
      } as unknown as DataSource;
      const consumer = new ReleaseFromCustodyConsumer(dataSource, registry, {} as MessageTransport);
      return { registry, consumer, acknowledged };
    };

    it('moves the withdrawn units back to the member; a redelivery moves nothing more and is acknowledged', async () => {
      const { registry, consumer, acknowledged } = await setup();
      await consumer.handle(message(200));
      await consumer.handle(message(200));
      const { ledger } = await registry.load('CQ');
      expect(balanceOf(ledger, 'steel')).toBe(200);
      expect(balanceOf(ledger, 'CQ-EXCHANGE')).toBe(300);
      expect(acknowledged).toEqual([['registry-custody', 'custody-withdrawal:steel:w-1']]);
    });

    it('throws (so the transport retries) when custody lacks the units, moving nothing', async () => {
      const { registry, consumer } = await setup();
      await expect(consumer.handle(message(501))).rejects.toMatchObject({
        code: 'LEDGER.INSUFFICIENT_UNITS',
      });
      expect(balanceOf((await registry.load('CQ')).ledger, 'CQ-EXCHANGE')).toBe(500);
    });
  });
});
