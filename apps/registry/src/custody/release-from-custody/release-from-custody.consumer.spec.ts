import { balanceOf } from '@app/ledger';
import type { MessageTransport } from '@app/messaging';
import type { RegistryPort } from '../../shared/registry-streams';
import { givenRegistry } from '../../shared/registry-fixture';
import { InMemoryMessaging, moreIntoCustody, steelWithdrawal } from '../custody-fixture';
import { ReleaseFromCustodyConsumer } from './release-from-custody.consumer';

describe('ReleaseFromCustodyConsumer', () => {
  describe('given CQ-EXCHANGE holds 500 allowances of 2025', () => {
    const setup = async () => {
      const registry = await givenRegistry('CQ', {
        accounts: ['steel', 'CQ-EXCHANGE'],
        allowances: [{ accountId: 'CQ-EXCHANGE', vintage: 2025, quantity: 500 }],
      });
      const messaging = new InMemoryMessaging();
      const consumerOf = (port: RegistryPort) =>
        new ReleaseFromCustodyConsumer(messaging.dataSource, port, {} as MessageTransport, messaging.outbox);
      return {
        registry,
        consumer: consumerOf(registry),
        consumerOf,
        acknowledged: messaging.acknowledged,
        sent: messaging.sent,
      };
    };

    it('moves the withdrawn units back to the member; a redelivery moves nothing more and is acknowledged', async () => {
      const { registry, consumer, acknowledged } = await setup();
      await consumer.handle(steelWithdrawal(200));
      await consumer.handle(steelWithdrawal(200));
      const { ledger } = await registry.load('CQ');
      expect(balanceOf(ledger, 'steel')).toBe(200);
      expect(balanceOf(ledger, 'CQ-EXCHANGE')).toBe(300);
      expect(acknowledged).toEqual([['registry-custody', 'custody-withdrawal:steel:w-1']]);
    });

    it('when custody lacks the units, moves nothing and sends the refusal back to the exchange with the acknowledgement', async () => {
      const { registry, consumer, acknowledged, sent } = await setup();
      await consumer.handle(steelWithdrawal(501));
      expect(balanceOf((await registry.load('CQ')).ledger, 'CQ-EXCHANGE')).toBe(500);
      expect(sent).toEqual([
        {
          queue: 'exchange-custody',
          name: 'CustodyWithdrawalRefused',
          messageId: 'custody-withdrawal-refused:steel:w-1',
          payload: {
            member: 'steel',
            instrument: 'CQEA-2025',
            qty: 501,
            reference: 'w-1',
            reason: expect.stringMatching(/^LEDGER\.INSUFFICIENT_UNITS: /),
          },
        },
      ]);
      expect(acknowledged).toEqual([['registry-custody', 'custody-withdrawal:steel:w-1']]);
    });

    it('a redelivery of a refused withdrawal moves nothing, even once custody holds the units', async () => {
      const { registry, consumer, acknowledged, sent } = await setup();
      await consumer.handle(steelWithdrawal(501));
      // More units reach custody (another member's deposit) before the message comes again.
      await moreIntoCustody(registry, 100);
      await consumer.handle(steelWithdrawal(501));
      const { ledger } = await registry.load('CQ');
      // The exchange credited the 501 back on the refusal: moving them now would count them twice.
      expect(balanceOf(ledger, 'CQ-EXCHANGE')).toBe(600);
      expect(balanceOf(ledger, 'steel')).toBe(0);
      expect(sent.map((m) => m.name)).toEqual(['CustodyWithdrawalRefused']);
      expect(acknowledged).toEqual([['registry-custody', 'custody-withdrawal:steel:w-1']]);
    });

    it('throws (so the transport retries) an error that is not the registry refusing', async () => {
      const { consumerOf, sent, acknowledged } = await setup();
      const down = { execute: () => Promise.reject(new Error('Connection terminated')) };
      await expect(consumerOf(down as unknown as RegistryPort).handle(steelWithdrawal(1))).rejects.toThrow(
        'Connection terminated',
      );
      expect([sent, acknowledged]).toEqual([[], []]);
    });
  });
});
