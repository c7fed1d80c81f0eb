/** One firm's position for a compliance year, from the registry's dashboard and its holding account. */
export interface CompliancePosition {
  year: number;
  /** Verified emissions if verified, else the reported figure; undefined before a report. */
  emissions?: number;
  verified: boolean;
  surrendered: number;
  /** Allowances of the firm's own province with a vintage up to the year (surrenderable; banking allowed). */
  eligibleHeld: number;
  /** What is still due and not covered by eligible holdings. */
  shortfall: number;
  /** What is still due (emissions − surrendered), whether or not held. */
  due: number;
}

export interface DashboardFirm {
  firmId: string;
  reportedEmissions?: number;
  verifiedEmissions?: number;
  surrendered: number;
}

export interface AccountHoldings {
  holdings: { kind: string; vintage: number; quantity: number; locked: number }[];
}

export function compliancePosition(
  year: number,
  firm: DashboardFirm | undefined,
  account: AccountHoldings | undefined,
): CompliancePosition {
  const emissions = firm?.verifiedEmissions ?? firm?.reportedEmissions;
  const surrendered = firm?.surrendered ?? 0;
  const eligibleHeld = (account?.holdings ?? [])
    .filter((h) => h.kind === 'CARBON_ALLOWANCE' && h.vintage <= year)
    .reduce((sum, h) => sum + h.quantity - h.locked, 0);
  const due = Math.max(0, (emissions ?? 0) - surrendered);
  return {
    year,
    emissions,
    verified: firm?.verifiedEmissions !== undefined,
    surrendered,
    eligibleHeld,
    due,
    shortfall: Math.max(0, due - eligibleHeld),
  };
}
