import type { InstrumentKind } from '@app/domain';

/** The six classes the standard prices alike: ticks, bands and benchmark rules are set per class. */
export const INSTRUMENT_CLASSES = [
  'CARBON_ALLOWANCE',
  'CARBON_CREDIT',
  'POLLUTANT',
  'ENERGY_USE',
  'WATER_USE',
  'ELECTRICITY_USE',
] as const;
export type InstrumentClass = (typeof INSTRUMENT_CLASSES)[number];

const CLASS_OF: Readonly<Record<InstrumentKind, InstrumentClass>> = {
  CARBON_ALLOWANCE: 'CARBON_ALLOWANCE',
  CCER: 'CARBON_CREDIT',
  CQCER: 'CARBON_CREDIT',
  TANHUI_TIANFU: 'CARBON_CREDIT',
  FORESTRY_SINK: 'CARBON_CREDIT',
  POLLUTANT_SO2: 'POLLUTANT',
  POLLUTANT_NOX: 'POLLUTANT',
  POLLUTANT_COD: 'POLLUTANT',
  POLLUTANT_NH3N: 'POLLUTANT',
  ENERGY_USE: 'ENERGY_USE',
  WATER_USE: 'WATER_USE',
  ELECTRICITY_USE: 'ELECTRICITY_USE',
};

export function instrumentClassOf(kind: InstrumentKind): InstrumentClass {
  return CLASS_OF[kind];
}
