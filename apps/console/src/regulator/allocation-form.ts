import type { RegistryAccountSummary } from '../api/types';
import type { FieldError } from '../trading/order-ticket-rules';

/** The regulator's allocation form, as typed: shares in percent (two decimals at most). */
export interface AllocationForm {
  vintage: string;
  cap: string;
  auctionSharePct: string;
  governmentReservePct: string;
  newEntrantReservePct: string;
  /** Grandfathering factor, percent of historic emissions. */
  factorPct: string;
  firms: { firmId: string; historicEmissions: string }[];
}

export interface AllocationTable {
  rules: {
    cap: number;
    auctionShareBp: number;
    governmentReserveBp: number;
    newEntrantReserveBp: number;
    entitlementRounding: 'half-up';
    scaling: 'largest-remainder';
  };
  firms: {
    firmId: string;
    method: 'grandfathering';
    historicEmissions: number[];
    basis: 'max';
    factorBp: number;
  }[];
}

export type AllocationErrors = Record<string, FieldError>;

/**
 * Checks the form as the registry would (whole tonnes, shares 0–100 %, reserves not above the
 * cap) and builds the request body: grandfathering on the latest year's emissions × the factor.
 */
export function buildAllocationTable(form: AllocationForm): {
  table?: AllocationTable;
  vintage?: number;
  errors: AllocationErrors;
} {
  const errors: AllocationErrors = {};
  const whole = (field: string, text: string, min = 1): number | undefined => {
    const value = /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : undefined;
    if (value === undefined || value < min) errors[field] = { key: 'errors.wholeNumber', params: { min } };
    return value;
  };
  const share = (field: string, text: string): number | undefined => {
    const bp = percentToBp(text);
    if (bp === undefined || bp > 10_000) errors[field] = { key: 'errors.percent' };
    return bp;
  };
  const vintage = whole('vintage', form.vintage, 2000);
  const cap = whole('cap', form.cap);
  const auctionShareBp = share('auctionSharePct', form.auctionSharePct);
  const governmentReserveBp = share('governmentReservePct', form.governmentReservePct);
  const newEntrantReserveBp = share('newEntrantReservePct', form.newEntrantReservePct);
  const factorBp = share('factorPct', form.factorPct);
  if (
    auctionShareBp !== undefined &&
    governmentReserveBp !== undefined &&
    newEntrantReserveBp !== undefined &&
    auctionShareBp + governmentReserveBp + newEntrantReserveBp > 10_000
  )
    errors.auctionSharePct = { key: 'errors.sharesAbove100' };
  if (form.firms.length === 0) errors.firms = { key: 'errors.noFirms' };
  const firms = form.firms.map((f) => ({
    firmId: f.firmId,
    method: 'grandfathering' as const,
    historicEmissions: [whole(`firm.${f.firmId}`, f.historicEmissions, 0) ?? 0],
    basis: 'max' as const,
    factorBp: factorBp ?? 0,
  }));
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    vintage,
    table: {
      rules: {
        cap: cap!,
        auctionShareBp: auctionShareBp!,
        governmentReserveBp: governmentReserveBp!,
        newEntrantReserveBp: newEntrantReserveBp!,
        entitlementRounding: 'half-up',
        scaling: 'largest-remainder',
      },
      firms,
    },
  };
}

/** "12.5" → 1250 bp, from the string (no floating point); undefined when malformed. */
export function percentToBp(text: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A firm the allocation form lists, with its latest emissions (tCO2) where the console knows them. */
export interface AllocationFirm {
  firmId: string;
  emissions?: number;
}

/** The registry's owner of the exchange's custody account: an account, not a firm. */
const CUSTODY_OWNER = 'exchange';

/**
 * The firms of a registry's enterprise holding accounts, by account id, without the exchange's
 * custody account. Their emissions are not in the list: the regulator types them.
 */
export function firmsOfAccounts(accounts: readonly RegistryAccountSummary[]): AllocationFirm[] {
  return accounts
    .filter((a) => a.accountType === 'ENTERPRISE_HOLDING' && a.ownerId !== CUSTODY_OWNER)
    .map((a) => ({ firmId: a.accountId }));
}

/**
 * The form a regulator starts from: each firm's known emissions (blank where unknown), and a cap
 * at their sum, where every firm's is known (with a 90 % factor and 10 % auctioned, little is
 * scaled); blank otherwise.
 */
export function initialAllocationForm(firms: readonly AllocationFirm[]): AllocationForm {
  const known = firms.length > 0 && firms.every((f) => f.emissions !== undefined);
  const baseline = firms.reduce((sum, f) => sum + (f.emissions ?? 0), 0);
  return {
    vintage: '2025',
    cap: known ? String(baseline) : '',
    auctionSharePct: '10',
    governmentReservePct: '3',
    newEntrantReservePct: '2',
    factorPct: '90',
    firms: firms.map((f) => ({
      firmId: f.firmId,
      historicEmissions: f.emissions === undefined ? '' : String(f.emissions),
    })),
  };
}
