import { type Action, assertAuthorized, type Principal } from '@app/domain';
import type { LedgerEvent } from '@app/ledger';
import type { RegistryJurisdiction } from './registry-jurisdiction';

/**
 * What a ledger event asks of its author: moving units out of an account is the holder's (or its
 * regulator's) act; opening accounts, issuing, cancelling and unlocking are the regulator's.
 */
export function accessOfEvent(event: LedgerEvent): { action: Action; owners: string[] } {
  switch (event.type) {
    case 'UnitsTransferred':
    case 'UnitsSurrendered':
    case 'UnitsRetired':
      return { action: 'registry.hold', owners: [event.from] };
    case 'UnitsLocked':
      return { action: 'registry.hold', owners: [event.accountId] };
    default:
      return { action: 'registry.administer', owners: [] };
  }
}

/**
 * The handler-level check: the events a command acting for an enterprise would append, each allowed
 * to it — whatever route or message carried the command: units leave only its own accounts, and it
 * never issues, opens, cancels or unlocks. Regulators' province is checked at the edge only: a
 * jointly approved cross-province transfer rightly writes to both provinces' registries under the
 * approving regulator's name.
 */
export function assertPrincipalMayAppend(
  principal: Principal,
  jurisdiction: RegistryJurisdiction,
  events: readonly LedgerEvent[],
): void {
  if (principal.role !== 'enterprise') return;
  for (const event of events) {
    const { action, owners } = accessOfEvent(event);
    assertAuthorized(principal, action, [{ jurisdiction, owners }]);
  }
}
