import type { InstrumentKind } from '@app/domain';

/**
 * Rights that cross provinces by a bilateral transfer with both regulators' approval: pollutant
 * discharge, water-use and electricity-use rights. Carbon allowances cross only under market linkage,
 * and credits (CCER, 碳惠通, 碳惠天府, forestry) by mutual recognition; energy-use rights are
 * settled against provincial energy-consumption targets and are left out of this path.
 */
export const CROSS_PROVINCE_KINDS: readonly InstrumentKind[] = [
  'POLLUTANT_SO2',
  'POLLUTANT_NOX',
  'POLLUTANT_COD',
  'POLLUTANT_NH3N',
  'WATER_USE',
  'ELECTRICITY_USE',
];

export function whyNotTransferable(kind: InstrumentKind): string | undefined {
  if (CROSS_PROVINCE_KINDS.includes(kind)) return undefined;
  if (kind === 'CARBON_ALLOWANCE')
    return 'carbon allowances cross provinces only under market linkage, not by a bilateral transfer';
  if (kind === 'ENERGY_USE') return 'energy-use rights are not transferred across provinces on this path';
  return `${kind} credits cross provinces by mutual recognition, not by a bilateral transfer`;
}
