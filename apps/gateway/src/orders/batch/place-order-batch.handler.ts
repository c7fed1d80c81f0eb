import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { APP_CONFIG, AppConfig, InstrumentCatalogue, statusForCode } from '@app/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { orderCandidate, type OrderCandidate } from '../place-order/order-candidate';
import { OrderEntry } from '../place-order/order-entry';
import type { PlaceOrderDto } from '../place-order/place-order.dto';
import type { BatchOrderResult, PlaceOrderBatchResult } from './place-order-batch.dto';

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
 * one by one, with a fixed handful of statements for the whole batch ({@link OrderEntry}). A
 * refused order leaves nothing behind.
 */
@Injectable()
export class PlaceOrderBatchHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entry: OrderEntry,
    private readonly catalogue: InstrumentCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(orders: readonly PlaceOrderDto[]): Promise<PlaceOrderBatchResult> {
    const now = this.clock.now();
    const results: BatchOrderResult[] = new Array(orders.length);
    const candidates: OrderCandidate[] = [];
    const indexes: number[] = [];
    const ids = new Set<string>();
    orders.forEach((dto, index) => {
      try {
        const candidate = orderCandidate(dto, this.catalogue, now, this.config.EXCHANGE_SHARDS);
        if (ids.has(candidate.orderId))
          throw new DomainError(
            'EXCHANGE.DUPLICATE_CLIENT_ORDER_ID',
            'clientOrderId repeated in this batch',
            {
              field: 'clientOrderId',
            },
          );
        ids.add(candidate.orderId);
        candidates.push(candidate);
        indexes.push(index);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = refused(index, error, dto.clientOrderId);
      }
    });

    const outcomes =
      candidates.length === 0
        ? []
        : await this.dataSource.transaction((manager) => this.entry.enter(manager, candidates));
    outcomes.forEach((outcome, k) => {
      const index = indexes[k];
      const { orderId } = candidates[k];
      results[index] =
        outcome.status === 'refused'
          ? refused(index, outcome.error, orderId)
          : { index, orderId, commandId: outcome.ack.commandId, status: 'received' };
    });
    const received = results.filter((r) => r.status === 'received').length;
    return { received, refused: results.length - received, results };
  }
}
