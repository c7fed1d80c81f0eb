import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Patch } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { reserveForAmendment } from '@app/clearing';
import { AmendOrderMessage, exchangeQueueFor, type WithActor } from '@app/contracts';
import { DomainError } from '@app/domain';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { ClearingStore } from '../../../../exchange/src/clearing/clearing-store';
import { reservationStreamId } from '../../../../exchange/src/clearing/clearing-streams';
import { CLOCK, Clock } from '../../clock/clock';
import { requestPrincipal } from '../request-principal';
import { checkListingAllowed, checkLot, checkPrice } from '../place-order/check-against-instrument';
import { AmendOrderDto } from './amend-order.dto';

/**
 * Amends a resting order: the reservation is topped up for the new price and quantity in the
 * same transaction as the command's outbox row (422 and nothing changed if the member cannot
 * cover it); the matching worker applies it and hands back what is no longer needed.
 */
@ApiTags('orders')
@Controller('orders')
export class AmendOrderController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clearing: ClearingStore,
    private readonly catalogue: InstrumentCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Patch(':orderId')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description: 'The amendment is reserved for and durably queued for the matching worker',
  })
  @ApiNotFoundResponse({ description: 'CLEARING.ORDER_NOT_FOUND: no open order under this id' })
  @ApiConflictResponse({
    description: 'CLEARING.AMEND_PENDING_CONFLICT: an earlier amendment is still on its way',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Off tick/lot, insufficient cash or units, qty not above filled',
  })
  async amend(
    @Param('orderId') orderId: string,
    @Body() dto: AmendOrderDto,
  ): Promise<{ orderId: string; commandId: string; status: string }> {
    if (dto.price === undefined && dto.qty === undefined)
      throw new DomainError('EXCHANGE.NOTHING_TO_AMEND', 'give a new price, a new qty or both', {
        field: 'price',
      });
    return this.dataSource.transaction(async (manager) => {
      // Locked before the load, not in it: the row must include a concurrent amendment's top-up
      // (else two amendments at once would both be reserved against the order as it was).
      await this.clearing.lockOwners(manager, { orders: [orderId] });
      const ledger = await this.clearing.load(manager, { orders: [orderId], lock: true });
      const order = ledger.order(orderId);
      if (!order)
        throw new DomainError('CLEARING.ORDER_NOT_FOUND', `no open order ${orderId}`, { field: 'orderId' });
      const instrument = this.catalogue.rulesAt(order.instrument, this.clock.now())!;
      checkListingAllowed(instrument, 'orderId');
      if (dto.price !== undefined) checkPrice(dto.price, instrument);
      if (dto.qty !== undefined) checkLot(dto.qty, instrument);
      const events = reserveForAmendment(ledger, { orderId, price: dto.price, qty: dto.qty });
      const message: AmendOrderMessage = {
        commandId: `amend:${orderId}:${randomUUID()}`,
        orderId,
        instrument: order.instrument,
        ...(dto.price !== undefined ? { price: dto.price } : {}),
        ...(dto.qty !== undefined ? { qty: dto.qty - order.filled } : {}),
        openQtySeen: order.openQty,
        receivedAt: this.clock.now(),
      };
      ledger.apply(events);
      await this.clearing.write(
        manager,
        ledger,
        events.map((event) => ({ stream: reservationStreamId(message.commandId), event })),
        { commandId: message.commandId },
      );
      await this.outbox.enqueue(manager, [
        {
          queue: exchangeQueueFor(order.instrument, this.config.EXCHANGE_SHARDS),
          name: 'AmendOrder',
          payload: { ...message, by: requestPrincipal() } satisfies WithActor<AmendOrderMessage>,
          messageId: message.commandId,
        },
      ]);
      return { orderId, commandId: message.commandId, status: 'amend-requested' };
    });
  }
}
