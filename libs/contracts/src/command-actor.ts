import type { Principal } from '@app/domain';

/**
 * Who a queued command acts for, carried in the message so its consumer checks it again
 * (docs/security.md, Handler-level checks): the signed-in principal of the request that made it,
 * or one of the services' own jobs.
 */
export type CommandActor = Principal | ServiceActor;

/** A service's own work (session changes, rule changes, market mode switches): not a principal's. */
export interface ServiceActor {
  role: 'service';
  /** Which job, e.g. `exchange.sessions`. */
  id: string;
}

/** The services' own commands to the matching workers, each under its own service actor. */
export const SERVICE_ACTORS = {
  sessions: { role: 'service', id: 'exchange.sessions' },
  bookRules: { role: 'service', id: 'gateway.book-rules' },
  marketMode: { role: 'service', id: 'gateway.market-mode' },
} as const satisfies Record<string, ServiceActor>;

export const isServiceActor = (actor: unknown): actor is ServiceActor =>
  typeof actor === 'object' &&
  actor !== null &&
  (actor as ServiceActor).role === 'service' &&
  typeof (actor as ServiceActor).id === 'string';

/**
 * Only what the access policy reads (role, id, member and accounts, or province), so a message
 * carries no more than it needs; undefined stays undefined. Make it once per request, not per order.
 */
export function commandPrincipal(principal: Principal | undefined): Principal | undefined {
  if (!principal) return undefined;
  switch (principal.role) {
    case 'enterprise':
      return {
        role: 'enterprise',
        id: principal.id,
        memberId: principal.memberId,
        accountIds: [...principal.accountIds],
        ...(principal.province ? { province: principal.province } : {}),
      };
    case 'regulator':
      return { role: 'regulator', id: principal.id, province: principal.province };
    default:
      return { role: principal.role, id: principal.id };
  }
}
