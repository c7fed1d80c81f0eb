import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { exchangeQueueFor } from '@app/contracts';
import { DomainError } from '@app/domain';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig, InstrumentCatalogue, statusForCode } from '@app/platform';
import { OrderReservations, type OrderToReserve } from '../../accounts/order-reservations';
import { CLOCK, Clock } from '../../clock/clock';
import { checkAgainstInstrument } from '../place-order/check-against-instrument';
import type { OrderAcknowledgement } from '../place-order/place-order.command';
import { hashOrder, placeOrderMessage } from '../place-order/place-order-message';
import type { PlaceOrderDto } from '../place-order/place-order.dto';
import type { BatchOrderResult, PlaceOrderBatchResult } from './place-order-batch.dto';

interface Candidate {
  index: number;
  orderId: string;
  hash: string;
  dto: PlaceOrderDto;
  ack: OrderAcknowledgement;
  message: ReturnType<typeof placeOrderMessage>['message'];
  reserve: OrderToReserve;
}

const refused = (index: number, error: DomainError, orderId?: string): BatchOrderResult => ({
  index,
  ...(orderId !== undefined ? { orderId } : {}),
  status: 'refused',
  error: {
    code: error.code,
    message: error.message,
    status: statusForCode(error.code),
    ...(typeof error.details.field === 'string' ? { field: error.details.field } : {}),
  },
});

/**
 * Many orders in one transaction, each decided as if sent alone (in request order) and answered
 * one by one: idempotency rows, reservations and outbox rows are each written with one statement
 * for the whole batch, not one per order. A refused order leaves nothing behind.
 */
@Injectable()
export class PlaceOrderBatchHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly catalogue: InstrumentCatalogue,
    private readonly reservations: OrderReservations,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(orders: readonly PlaceOrderDto[]): Promise<PlaceOrderBatchResult> {
    const now = this.clock.now();
    const results: BatchOrderResult[] = new Array(orders.length);
    const candidates: Candidate[] = [];
    const ids = new Set<string>();
    orders.forEach((dto, index) => {
      const orderId = dto.clientOrderId ?? randomUUID();
      try {
        const instrument = this.catalogue.rulesAt(dto.instrument, now);
        if (!instrument)
          throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${dto.instrument}`, {
            field: 'instrument',
          });
        checkAgainstInstrument(dto, instrument);
        if (ids.has(orderId))
          throw new DomainError(
            'EXCHANGE.DUPLICATE_CLIENT_ORDER_ID',
            'clientOrderId repeated in this batch',
            {
              field: 'clientOrderId',
            },
          );
        ids.add(orderId);
        const { message, ack } = placeOrderMessage(dto, orderId, now);
        const reserve = {
          orderId,
          account: dto.account,
          side: dto.side,
          price: dto.price,
          qty: dto.qty,
          instrument,
        };
        candidates.push({ index, orderId, hash: hashOrder(dto), dto, ack, message, reserve });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = refused(index, error, dto.clientOrderId);
      }
    });

    await this.dataSource.transaction(async (manager) => {
      const insertedRows: { order_id: string }[] = candidates.length
        ? await manager.query(
            `INSERT INTO order_requests (order_id, body_hash, ack)
             SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[]) ON CONFLICT (order_id) DO NOTHING
             RETURNING order_id`,
            [
              candidates.map((c) => c.orderId),
              candidates.map((c) => c.hash),
              candidates.map((c) => JSON.stringify(c.ack)),
            ],
          )
        : [];
      const inserted = new Set(insertedRows.map((r) => r.order_id));
      const fresh = candidates.filter((c) => inserted.has(c.orderId));
      await this.answerReplays(
        manager,
        candidates.filter((c) => !inserted.has(c.orderId)),
        results,
      );

      const decisions = await this.reservations.reserve(
        manager,
        fresh.map((c) => c.reserve),
        { correlationId: `batch:${fresh[0]?.orderId ?? ''}` },
      );
      const accepted = fresh.filter((c, i) => {
        const error = decisions[i];
        results[c.index] = error
          ? refused(c.index, error, c.orderId)
          : { index: c.index, orderId: c.orderId, commandId: c.message.commandId, status: 'received' };
        return error === null;
      });
      const refusedIds = fresh.filter((_, i) => decisions[i] !== null).map((c) => c.orderId);
      if (refusedIds.length > 0)
        await manager.query('DELETE FROM order_requests WHERE order_id = ANY($1)', [refusedIds]);
      await this.outbox.enqueue(
        manager,
        accepted.map((c) => ({
          queue: exchangeQueueFor(c.dto.instrument, this.config.EXCHANGE_SHARDS),
          name: 'PlaceOrder',
          payload: c.message,
          messageId: c.message.commandId,
        })),
      );
    });
    const received = results.filter((r) => r.status === 'received').length;
    return { received, refused: results.length - received, results };
  }

  /** Orders already received under their clientOrderId: the same body is answered again, another is refused. */
  private async answerReplays(
    manager: EntityManager,
    replays: Candidate[],
    results: BatchOrderResult[],
  ): Promise<void> {
    if (replays.length === 0) return;
    const rows: { order_id: string; body_hash: string; ack: OrderAcknowledgement }[] = await manager.query(
      'SELECT order_id, body_hash, ack FROM order_requests WHERE order_id = ANY($1)',
      [replays.map((c) => c.orderId)],
    );
    const byId = new Map(rows.map((r) => [r.order_id, r]));
    for (const c of replays) {
      const previous = byId.get(c.orderId);
      results[c.index] =
        previous && previous.body_hash === c.hash
          ? { index: c.index, orderId: c.orderId, commandId: previous.ack.commandId, status: 'received' }
          : refused(
              c.index,
              new DomainError(
                'EXCHANGE.IDEMPOTENCY_KEY_CONFLICT',
                `clientOrderId ${c.orderId} was already used`,
                {
                  field: 'clientOrderId',
                },
              ),
              c.orderId,
            );
    }
  }
}
