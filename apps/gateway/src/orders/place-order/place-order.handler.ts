import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { exchangeQueueFor } from '@app/contracts';
import { DomainError } from '@app/domain';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { OrderReservations } from '../../accounts/order-reservations';
import { CLOCK, Clock } from '../../clock/clock';
import { OrderAcknowledgement, PlaceOrder } from './place-order.command';
import { checkAgainstInstrument } from './check-against-instrument';
import { hashOrder, placeOrderMessage } from './place-order-message';

/**
 * Accepts an order for matching: its reservation (cash for a buy, units for a sell), its
 * idempotency record and the command in the outbox are written in one transaction, so once we
 * answer 202 the order is paid for and will reach its matching worker even if Redis or this
 * process dies right after; a refused reservation leaves nothing behind.
 */
@CommandHandler(PlaceOrder)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrder> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly catalogue: InstrumentCatalogue,
    private readonly reservations: OrderReservations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ order }: PlaceOrder): Promise<OrderAcknowledgement> {
    const instrument = this.catalogue.rulesAt(order.instrument, this.clock.now());
    if (!instrument)
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${order.instrument}`, {
        field: 'instrument',
      });
    checkAgainstInstrument(order, instrument);

    const orderId = order.clientOrderId ?? randomUUID();
    const bodyHash = hashOrder(order);
    const { message, ack } = placeOrderMessage(order, orderId, this.clock.now());

    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO order_requests (order_id, body_hash, ack) VALUES ($1, $2, $3)
         ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
        [orderId, bodyHash, JSON.stringify(ack)],
      );
      if (inserted.length === 0) return this.replayed(manager.query.bind(manager), orderId, bodyHash);
      const [refused] = await this.reservations.reserve(
        manager,
        [
          {
            orderId,
            account: order.account,
            side: order.side,
            price: order.price,
            qty: order.qty,
            instrument,
          },
        ],
        { commandId: message.commandId },
      );
      if (refused) throw refused;
      await this.outbox.enqueue(manager, [
        {
          queue: exchangeQueueFor(order.instrument, this.config.EXCHANGE_SHARDS),
          name: 'PlaceOrder',
          payload: message,
          messageId: message.commandId,
        },
      ]);
      return ack;
    });
  }

  /** A resent order: the same body gets the first answer again; another body under the same key is refused. */
  private async replayed(
    query: (sql: string, params: unknown[]) => Promise<{ body_hash: string; ack: OrderAcknowledgement }[]>,
    orderId: string,
    bodyHash: string,
  ): Promise<OrderAcknowledgement> {
    const [previous] = await query('SELECT body_hash, ack FROM order_requests WHERE order_id = $1', [
      orderId,
    ]);
    if (previous.body_hash !== bodyHash)
      throw new DomainError(
        'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT',
        `clientOrderId ${orderId} was already used for a different order`,
        { field: 'clientOrderId' },
      );
    return previous.ack;
  }
}
