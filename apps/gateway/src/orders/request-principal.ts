import { commandPrincipal } from '@app/contracts';
import type { Principal } from '@app/domain';
import { currentAuditContext } from '@app/event-store';

/**
 * The principal of the request in progress, compact, for the order command it queues: the
 * matching worker checks the command against it again (docs/security.md, Handler-level checks).
 */
export const requestPrincipal = (): Principal | undefined =>
  commandPrincipal(currentAuditContext()?.principal as Principal | undefined);
