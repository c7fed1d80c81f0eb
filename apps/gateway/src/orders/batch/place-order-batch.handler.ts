import { Inject, Injectable, Logger } from '@nestjs/common';
import { commandPrincipal } from '@app/contracts';
import { DomainError, type Principal } from '@app/domain';
import { currentAuditContext } from '@app/event-store';
import { APP_CONFIG, AppConfig, InstrumentCatalogue, statusForCode } from '@app/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { orderCandidate, type OrderCandidate } from '../place-order/order-candidate';
import { OrderGroupCommit } from '../place-order/order-group-commit';
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

/** An order the server could not enter even alone: nothing of it was written, it may be sent again. */
const notEntered = (index: number, orderId: string): BatchOrderResult => ({
  index,
  orderId,
  status: 'refused',
  error: {
    code: 'EXCHANGE.ORDER_NOT_ENTERED',
    message: 'the order could not be entered; send it again',
    status: 503,
  },
});

/**
 * Many orders, each decided as if sent alone (in request order) and answered one by one. They go
 * through the group commit together ({@link OrderGroupCommit}: with the single and batched orders
 * arriving meanwhile, a fixed handful of statements per group), so concurrent batches share
 * transactions instead of queuing on each other's member locks. A refused order leaves nothing
 * behind.
 */
@Injectable()
export class PlaceOrderBatchHandler {
  private readonly logger = new Logger(PlaceOrderBatchHandler.name);

  constructor(
    private readonly groupCommit: OrderGroupCommit,
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
    // One compact principal for the whole request: its orders' commands share it.
    const principal = commandPrincipal(currentAuditContext()?.principal as Principal | undefined);
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
        candidate.principal = principal;
        candidates.push(candidate);
        indexes.push(index);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results[index] = refused(index, error, dto.clientOrderId);
      }
    });

    const outcomes = await this.groupCommit.submitAll(candidates);
    outcomes.forEach((outcome, k) => {
      const index = indexes[k];
      const { orderId } = candidates[k];
      if (outcome.status === 'failed')
        this.logger.error(`order ${orderId} of a batch not entered: ${String(outcome.error)}`);
      results[index] =
        outcome.status === 'failed'
          ? notEntered(index, orderId)
          : outcome.status === 'refused'
            ? refused(index, outcome.error, orderId)
            : { index, orderId, commandId: outcome.ack.commandId, status: 'received' };
    });
    const received = results.filter((r) => r.status === 'received').length;
    return { received, refused: results.length - received, results };
  }
}
