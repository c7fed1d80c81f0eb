import { createHash, randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { exchangeQueueFor, ReportBlockTradeMessage, type WithActor } from '@app/contracts';
import { DomainError } from '@app/domain';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { OrderReservations } from '../../accounts/order-reservations';
import { CLOCK, Clock } from '../../clock/clock';
import { requestPrincipal } from '../request-principal';
import { checkBlockTrade } from './check-block-trade';
import { ReportBlockTradeDto } from './report-block-trade.dto';

interface BlockTradeAck {
  tradeId: string;
  commandId: string;
  instrument: string;
  status: 'received';
}

/**
 * A negotiated trade both members agreed: the buyer's cash and the seller's units are reserved
 * with the report (422 naming the party if either falls short, nothing reserved); the instrument's
 * matching worker checks the block rules and settles it like any trade.
 */
@ApiTags('block trades')
@Controller('block-trades')
export class ReportBlockTradeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly catalogue: InstrumentCatalogue,
    private readonly reservations: OrderReservations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ description: 'Both sides reserved; the report is durably queued for settlement' })
  @ApiUnprocessableEntityResponse({
    description: 'Block rules, or a party short of cash or units (field names it)',
  })
  @ApiConflictResponse({ description: 'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT' })
  async report(@Body() dto: ReportBlockTradeDto): Promise<BlockTradeAck> {
    const instrument = this.catalogue.rulesAt(dto.instrument, this.clock.now());
    if (!instrument)
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${dto.instrument}`, {
        field: 'instrument',
      });
    checkBlockTrade(dto, instrument);
    const tradeId = `block:${dto.clientTradeId ?? randomUUID()}`;
    const message: ReportBlockTradeMessage = {
      commandId: `report:${tradeId}`,
      tradeId,
      instrument: dto.instrument,
      buyer: dto.buyer,
      seller: dto.seller,
      buyOrderId: `${tradeId}:buy`,
      sellOrderId: `${tradeId}:sell`,
      price: dto.price,
      qty: dto.qty,
      receivedAt: this.clock.now(),
    };
    const ack: BlockTradeAck = {
      tradeId,
      commandId: message.commandId,
      instrument: dto.instrument,
      status: 'received',
    };
    const hash = createHash('sha256')
      .update(JSON.stringify([dto.instrument, dto.buyer, dto.seller, dto.price, dto.qty]))
      .digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO order_requests (order_id, body_hash, ack) VALUES ($1, $2, $3)
         ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
        [tradeId, hash, JSON.stringify(ack)],
      );
      if (inserted.length === 0) {
        const [previous]: { body_hash: string; ack: BlockTradeAck }[] = await manager.query(
          'SELECT body_hash, ack FROM order_requests WHERE order_id = $1',
          [tradeId],
        );
        if (previous.body_hash !== hash)
          throw new DomainError(
            'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT',
            `clientTradeId was used for another trade`,
            {
              field: 'clientTradeId',
            },
          );
        return previous.ack;
      }
      const sides = [
        { party: 'buyer', orderId: message.buyOrderId, account: dto.buyer, side: 'buy' as const },
        { party: 'seller', orderId: message.sellOrderId, account: dto.seller, side: 'sell' as const },
      ];
      const refused = await this.reservations.reserve(
        manager,
        sides.map((s) => ({ ...s, price: dto.price, qty: dto.qty, instrument })),
        { commandId: message.commandId },
      );
      refused.forEach((error, i) => {
        if (error)
          throw new DomainError(error.code, `${sides[i].party}: ${error.message}`, {
            ...error.details,
            field: sides[i].party,
          });
      });
      await this.outbox.enqueue(manager, [
        {
          queue: exchangeQueueFor(dto.instrument, this.config.EXCHANGE_SHARDS),
          name: 'ReportBlockTrade',
          payload: { ...message, by: requestPrincipal() } satisfies WithActor<ReportBlockTradeMessage>,
          messageId: message.commandId,
        },
      ]);
      return ack;
    });
  }
}
