import type { AccountType, LedgerCommand, LedgerState } from '@app/ledger';
import type { RegistryJurisdiction } from './registry-jurisdiction';

/** Accounts every registry has from its first command on: the regulator's and the terminal ones. */
export const SYSTEM_ACCOUNT_TYPES = [
  'GOVERNMENT',
  'AUCTION',
  'RESERVE',
  'SURRENDER',
  'CANCELLATION',
  'RETIREMENT',
] as const;
export type SystemAccountType = (typeof SYSTEM_ACCOUNT_TYPES)[number] & AccountType;

export const systemAccountId = (jurisdiction: RegistryJurisdiction, type: SystemAccountType): string =>
  `${jurisdiction}-${type}`;

/** OpenAccount commands for the system accounts not opened yet (fixed command ids: idempotent). */
export function missingSystemAccounts(
  state: LedgerState,
  jurisdiction: RegistryJurisdiction,
): LedgerCommand[] {
  return SYSTEM_ACCOUNT_TYPES.filter((t) => !state.accounts[systemAccountId(jurisdiction, t)]).map((t) => ({
    type: 'OpenAccount',
    commandId: `system:open:${systemAccountId(jurisdiction, t)}`,
    accountId: systemAccountId(jurisdiction, t),
    accountType: t,
    jurisdiction,
  }));
}
