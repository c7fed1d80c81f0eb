import { ACCOUNT_TYPES, piecesOf, type AccountType, type LedgerState } from '@app/ledger';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';

/** One account as a registry's list shows it: who holds it and how many units are in it. */
export interface AccountSummary {
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly ownerId?: string;
  /** Units in the account, locked ones included. */
  readonly total: number;
  /** Of those, units under a lock (a pending transfer, a custody move). */
  readonly locked: number;
}

export interface AccountList {
  readonly jurisdiction: string;
  readonly accounts: readonly AccountSummary[];
  /** Registry stream version the list was read at. */
  readonly version: number;
}

/** The `type` query value, checked: one of the ledger's account types, or none for all. */
export function parseAccountType(value: unknown): AccountType | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (ACCOUNT_TYPES as readonly string[]).includes(value))
    return value as AccountType;
  throw new RegistryError(REGISTRY_ERRORS.BAD_PARAMETER, `type must be one of ${ACCOUNT_TYPES.join(', ')}`, {
    field: 'type',
  });
}

/** Every account of the registry (of one type, if given), by account id, with its unit counts. */
export function accountList(
  ledger: LedgerState,
  jurisdiction: string,
  version: number,
  type?: AccountType,
): AccountList {
  const accounts = Object.values(ledger.accounts)
    .filter((a) => type === undefined || a.accountType === type)
    .map((a): AccountSummary => {
      let total = 0;
      let locked = 0;
      for (const piece of piecesOf(ledger, a.accountId)) {
        const quantity = piece.end - piece.start + 1;
        total += quantity;
        if (piece.lockId !== undefined) locked += quantity;
      }
      return {
        accountId: a.accountId,
        accountType: a.accountType,
        ...(a.ownerId !== undefined ? { ownerId: a.ownerId } : {}),
        total,
        locked,
      };
    })
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  return { jurisdiction, accounts, version };
}
