import type { AllocationIssued, RegistryRecords } from '../../shared/registry-records';

/**
 * Units to withhold from each firm's allocation: the `nextYearDeduction` of the latest
 * compliance run of the year before the vintage (national 2024 rule, Shenzhen). An allocation
 * already recorded keeps the deductions it was made with, so its retry is the same command.
 */
export function penaltyDeductions(
  records: RegistryRecords,
  allocationCommandId: string,
  vintage: number,
  applies: boolean,
): Readonly<Record<string, number>> {
  const recorded = records.allocations[allocationCommandId];
  if (recorded) return recorded.deductions ?? {};
  if (!applies) return {};
  const out: Record<string, number> = {};
  for (const s of records.runs[String(vintage - 1)]?.statuses ?? [])
    if (s.penalty.nextYearDeduction > 0) out[s.firmId] = s.penalty.nextYearDeduction;
  return out;
}

/** Units a firm's pre-allocation loses to its deduction (never more than it would receive). */
export const deducted = (issued: Pick<AllocationIssued, 'deductions'> | undefined, firmId: string): number =>
  issued?.deductions?.[firmId] ?? 0;
