import { isServiceActor, type BookEvent, type ExchangeCommandMessage } from '@app/contracts';
import { authorize, isPrincipal, type Principal, type Resource } from '@app/domain';

/** The reason code of a command its worker refused for who sent it. */
export const ACCESS_FORBIDDEN = 'ACCESS.FORBIDDEN';

/** Order commands act for a signed-in principal; the others are the services' own. */
const ORDER_COMMANDS: ReadonlySet<ExchangeCommandMessage['name']> = new Set([
  'PlaceOrder',
  'CancelOrder',
  'AmendOrder',
  'ReportBlockTrade',
]);

export interface CommandAccessOptions {
  /** `AUTH_ENFORCE`: when off, an order command without a principal passes (one with one is still checked). */
  enforce: boolean;
}

/**
 * The matching worker's own check of each command, before it touches a book (docs/security.md,
 * Handler-level checks): the same policy as the edge ({@link authorize}, action `order.trade`),
 * against the principal the command carries. An order command must carry a principal allowed to
 * trade for the account it names (a cancel or amendment: the order's owner, `ownerOf`); the
 * services' own commands (sessions, rule changes, market mode) a service actor. Decisions are
 * remembered per principal object and account, so a batch of one request's orders costs one.
 */
export class CommandAccess {
  private readonly decided = new WeakMap<object, Map<string, string | null>>();

  constructor(private readonly options: CommandAccessOptions) {}

  /** Why the command is refused, or undefined when it may run. */
  refusal(
    command: ExchangeCommandMessage,
    ownerOf: (orderId: string) => string | undefined,
  ): string | undefined {
    const by = command.by;
    if (!ORDER_COMMANDS.has(command.name))
      return isServiceActor(by)
        ? undefined
        : `${command.name} is the services' own and carries no service actor`;
    if (isServiceActor(by)) return `${command.name} acts for a signed-in principal, not service ${by.id}`;
    if (by === undefined) return this.options.enforce ? `${command.name} carries no principal` : undefined;
    if (!isPrincipal(by)) return `${command.name} carries a malformed principal`;
    const resource = resourceOf(command, ownerOf);
    if (!resource) return undefined;
    return this.decide(by, resource);
  }

  private decide(principal: Principal, resource: Resource): string | undefined {
    const key = `${resource.ownersMatch ?? 'all'}\u0000${(resource.owners ?? []).join('\u0000')}`;
    let known = this.decided.get(principal);
    if (!known) this.decided.set(principal, (known = new Map()));
    let reason = known.get(key);
    if (reason === undefined) {
      const decision = authorize(principal, 'order.trade', resource);
      reason = decision.allowed ? null : decision.reason;
      known.set(key, reason);
    }
    return reason ?? undefined;
  }
}

/**
 * What an order command trades for. A cancel or amendment of an order no one owns (never entered,
 * or already ended) names nothing: the book answers it (`unknown-order`) and it touches nothing.
 */
function resourceOf(
  command: ExchangeCommandMessage,
  ownerOf: (orderId: string) => string | undefined,
): Resource | undefined {
  switch (command.name) {
    case 'PlaceOrder':
      return { owners: [command.payload.account] };
    case 'ReportBlockTrade':
      return { owners: [command.payload.buyer, command.payload.seller], ownersMatch: 'any' };
    case 'CancelOrder':
    case 'AmendOrder': {
      const owner = ownerOf(command.payload.orderId);
      return owner === undefined ? undefined : { owners: [owner] };
    }
    default:
      return undefined;
  }
}

/**
 * The book events recording a refused command (reason {@link ACCESS_FORBIDDEN}, `detail` why):
 * settlement releases nothing for them (a reservation under the order id may be another's), and
 * a service command refused records nothing.
 */
export function refusedEvents(command: ExchangeCommandMessage, detail: string): BookEvent[] {
  const reason = ACCESS_FORBIDDEN;
  switch (command.name) {
    case 'PlaceOrder': {
      const { orderId, instrument, account } = command.payload;
      return [{ type: 'OrderRejected', data: { orderId, instrument, account, reason, detail } }];
    }
    case 'CancelOrder': {
      const { orderId, instrument } = command.payload;
      return [{ type: 'OrderRejected', data: { orderId, instrument, reason, detail } }];
    }
    case 'AmendOrder': {
      const { orderId, instrument } = command.payload;
      return [{ type: 'AmendRejected', data: { orderId, instrument, reason, detail } }];
    }
    case 'ReportBlockTrade': {
      const { instrument, tradeId, buyOrderId, sellOrderId } = command.payload;
      return [
        {
          type: 'BlockTradeRejected',
          data: { instrument, tradeId, buyOrderId, sellOrderId, reason, detail },
        },
      ];
    }
    default:
      return [];
  }
}
