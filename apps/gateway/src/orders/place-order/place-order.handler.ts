import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorized, type Principal } from '@app/domain';
import { commandPrincipal } from '@app/contracts';
import { currentAuditContext, type JsonValue } from '@app/event-store';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { OrderAcknowledgement, PlaceOrder } from './place-order.command';
import { orderCandidate } from './order-candidate';
import { OrderGroupCommit } from './order-group-commit';

/**
 * Accepts an order for matching: its reservation (cash for a buy, units for a sell), its
 * idempotency record and the command in the outbox are committed together (with the other orders
 * arriving meanwhile: {@link OrderGroupCommit}), so once we answer 202 the order is paid for and
 * will reach its matching worker even if Redis or this process dies right after; a refused
 * reservation leaves nothing behind. The same body under a used clientOrderId gets the first
 * answer again, another body 409.
 */
@CommandHandler(PlaceOrder)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrder> {
  constructor(
    private readonly catalogue: InstrumentCatalogue,
    private readonly groupCommit: OrderGroupCommit,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ order }: PlaceOrder): Promise<OrderAcknowledgement> {
    // Checked again here, whoever dispatched the command: the order's account must be the principal's.
    const audit = currentAuditContext();
    const principal = audit?.principal as Principal | undefined;
    if (principal) assertAuthorized(principal, 'order.trade', [{ owners: [order.account] }]);
    const candidate = orderCandidate(order, this.catalogue, this.clock.now(), this.config.EXCHANGE_SHARDS);
    // The matching worker checks the order against it again (a queue message cannot bypass it).
    candidate.principal = commandPrincipal(principal);
    // Orders are committed in groups: each order's events carry its own request's audit, not the group's.
    if (audit)
      candidate.reserve.metadata = { ...candidate.reserve.metadata, audit: { ...audit } as JsonValue };
    const outcome = await this.groupCommit.submit(candidate);
    if (outcome.status === 'refused') throw outcome.error;
    return outcome.ack;
  }
}
