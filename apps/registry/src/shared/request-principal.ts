import type { Principal } from '@app/domain';
import { currentAuditContext } from '@app/event-store';

/**
 * The signed-in principal of the request in progress, when the command acts in its name (its actor
 * is the principal's id: the edge puts it there). Commands of the registry's own work (sagas,
 * sweeps) act under their own actor and are not a principal's.
 */
export function principalActingAs(actor: string): Principal | undefined {
  const principal = currentAuditContext()?.principal as Principal | undefined;
  return principal && principal.id === actor ? principal : undefined;
}
