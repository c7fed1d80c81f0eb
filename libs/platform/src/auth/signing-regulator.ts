import { AccessDeniedError, type Principal, type Province } from '@app/domain';
import { currentAuditContext } from '@app/event-store';

/** regulator id → its province. */
export type Signers = Readonly<Record<string, Province>>;

/** The principal of the request in progress, as the edge recorded it (none: no request, or access not enforced). */
export const currentPrincipal = (): Principal | undefined =>
  currentAuditContext()?.principal as Principal | undefined;

/**
 * Who may sign a regulator's key (a joint decision, one side of a cross-province transfer), checked
 * where the command executes, whatever carried it: while a principal acts, only that regulator
 * (its id, for its own province), so a command signed in another name is refused by the decision
 * itself; another role is refused here (403). Without a principal (the services' own work, access
 * not enforced): `known`.
 */
export function signingRegulators(known: Signers): Signers {
  const principal = currentPrincipal();
  if (!principal) return known;
  if (principal.role !== 'regulator')
    throw new AccessDeniedError(
      `only a regulator signs a regulator's key; ${principal.id} is signed in as ${principal.role}`,
    );
  return { [principal.id]: principal.province };
}
