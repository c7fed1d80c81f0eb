import type { LedgerCommand, LedgerState } from '@app/ledger';
import { custodyAccountId } from '../../../exchange/src/custody/instrument-units';
import type { RegistryJurisdiction } from '../shared/registry-jurisdiction';

export { custodyAccountId };

/**
 * The exchange's custody account, opened on first use with a fixed command id like the system
 * accounts. The ledger has no exchange account type, so it is an enterprise holding account owned
 * by `exchange` (its units stay in circulation, as units on the exchange do).
 */
export function openCustodyIfMissing(
  state: LedgerState,
  jurisdiction: RegistryJurisdiction,
): LedgerCommand[] {
  const accountId = custodyAccountId(jurisdiction);
  if (state.accounts[accountId]) return [];
  return [
    {
      type: 'OpenAccount',
      commandId: `system:open:${accountId}`,
      accountId,
      accountType: 'ENTERPRISE_HOLDING',
      jurisdiction,
      ownerId: 'exchange',
    },
  ];
}
