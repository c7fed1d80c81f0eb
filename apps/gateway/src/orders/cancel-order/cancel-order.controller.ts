import { Controller, Delete, HttpCode, HttpStatus, Inject, Param } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CancelOrderMessage, exchangeQueueFor, type WithActor } from '@app/contracts';
import { DomainError } from '@app/domain';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { requestPrincipal } from '../request-principal';

/**
 * Asks the order's matching worker to cancel what is left of it. Repeating the request is
 * harmless: the command id is fixed per order, so the outbox keeps one; the engine answers a
 * cancel of a filled or cancelled order with a rejection (`unknown-order`).
 */
@ApiTags('orders')
@Controller('orders')
export class CancelOrderController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Delete(':orderId')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'The cancel request is durably queued for the matching worker' })
  @ApiNotFoundResponse({ description: 'No order was ever received under this id' })
  async cancel(
    @Param('orderId') orderId: string,
  ): Promise<{ orderId: string; commandId: string; status: string }> {
    return this.dataSource.transaction(async (manager) => {
      const [request]: { ack: { instrument: string } }[] = await manager.query(
        'SELECT ack FROM order_requests WHERE order_id = $1',
        [orderId],
      );
      if (!request)
        throw new DomainError('EXCHANGE.UNKNOWN_ORDER', `no order ${orderId}`, { field: 'orderId' });
      const message: CancelOrderMessage = {
        commandId: `cancel:${orderId}`,
        orderId,
        instrument: request.ack.instrument,
        receivedAt: this.clock.now(),
      };
      await this.outbox.enqueue(manager, [
        {
          queue: exchangeQueueFor(message.instrument, this.config.EXCHANGE_SHARDS),
          name: 'CancelOrder',
          payload: { ...message, by: requestPrincipal() } satisfies WithActor<CancelOrderMessage>,
          messageId: message.commandId,
        },
      ]);
      return { orderId, commandId: message.commandId, status: 'cancel-requested' };
    });
  }
}
