/** Every tradable right of the exchange, with its unit of account. */
export const INSTRUMENT_KINDS = [
  'CARBON_ALLOWANCE',
  'CCER',
  'CQCER',
  'TANHUI_TIANFU',
  'FORESTRY_SINK',
  'POLLUTANT_SO2',
  'POLLUTANT_NOX',
  'POLLUTANT_COD',
  'POLLUTANT_NH3N',
  'ENERGY_USE',
  'WATER_USE',
  'ELECTRICITY_USE',
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export type UnitOfAccount = 'tCO2e' | 't/yr' | 'tce/yr' | 'm3/yr' | 'MWh';

export interface InstrumentSpec {
  readonly kind: InstrumentKind;
  readonly unit: UnitOfAccount;
  readonly zh: string;
  /** Offset / emission-reduction credits carry a project id. */
  readonly isCredit: boolean;
  /** Years of validity from vintage; undefined = no expiry (allowances while banking is allowed). */
  readonly validityYears?: number;
}

const spec = (
  kind: InstrumentKind,
  unit: UnitOfAccount,
  zh: string,
  isCredit: boolean,
  validityYears?: number,
): InstrumentSpec => ({ kind, unit, zh, isCredit, validityYears });

export const INSTRUMENTS: Readonly<Record<InstrumentKind, InstrumentSpec>> = {
  CARBON_ALLOWANCE: spec('CARBON_ALLOWANCE', 'tCO2e', '碳排放配额', false),
  CCER: spec('CCER', 'tCO2e', '国家核证自愿减排量', true),
  CQCER: spec('CQCER', 'tCO2e', '重庆核证自愿减排量(碳惠通)', true),
  TANHUI_TIANFU: spec('TANHUI_TIANFU', 'tCO2e', '碳惠天府', true),
  FORESTRY_SINK: spec('FORESTRY_SINK', 'tCO2e', '林业碳汇', true),
  POLLUTANT_SO2: spec('POLLUTANT_SO2', 't/yr', '二氧化硫排污权', false, 5),
  POLLUTANT_NOX: spec('POLLUTANT_NOX', 't/yr', '氮氧化物排污权', false, 5),
  POLLUTANT_COD: spec('POLLUTANT_COD', 't/yr', '化学需氧量排污权', false, 5),
  POLLUTANT_NH3N: spec('POLLUTANT_NH3N', 't/yr', '氨氮排污权', false, 5),
  ENERGY_USE: spec('ENERGY_USE', 'tce/yr', '用能权', false),
  WATER_USE: spec('WATER_USE', 'm3/yr', '用水权', false),
  ELECTRICITY_USE: spec('ELECTRICITY_USE', 'MWh', '用电权', false),
};

export function isInstrumentKind(value: string): value is InstrumentKind {
  return (INSTRUMENT_KINDS as readonly string[]).includes(value);
}

export function isCreditKind(kind: InstrumentKind): boolean {
  return INSTRUMENTS[kind].isCredit;
}
