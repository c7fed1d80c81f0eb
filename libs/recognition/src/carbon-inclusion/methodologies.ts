import type { Rational } from '@app/domain';
import { DEFAULT_CO2E_FACTORS, type Province } from '@app/pricing';

export type ActivityKind = 'rooftop-solar' | 'ev-travel' | 'tree-planting';

/**
 * A carbon-inclusion (碳普惠) methodology: tCO2 avoided or removed per unit of activity, in one province,
 * credited as that province's carbon-inclusion credit (Chongqing 碳惠通 → CQCER, Sichuan → 碳惠天府).
 */
export interface Methodology {
  readonly id: string;
  readonly province: Province;
  readonly activity: ActivityKind;
  readonly creditKind: 'CQCER' | 'TANHUI_TIANFU';
  /** kWh generated, km driven, or trees alive (credited per tree-day). */
  readonly unit: 'kWh' | 'km' | 'tree';
  /** tCO2 per kWh, per km, or per tree-day. */
  readonly factor: Rational;
  readonly source: string;
  /** Physical plausibility cap per record: units per day of the period (solar, EV) or units per record (trees). */
  readonly cap: { readonly perDay?: number; readonly perRecord?: number };
}

// grid tCO2/MWh num/10,000 → tCO2/kWh = num / 10,000,000
const grid = (p: Province) => DEFAULT_CO2E_FACTORS.electricityUse[p].tco2PerUnit.num;

// Petrol car 7 L/100 km × 2.3 kgCO2/L ≈ 0.16 kgCO2/km, EV 15 kWh/100 km × grid factor:
// net tCO2/km = (160,000 − 15 × gridNum) / 10^9.
const ev = (p: Province): Rational => ({ num: 160_000 - 15 * grid(p), den: 1_000_000_000 });

const GRID_SOURCE = (p: Province) => `grid factor: ${DEFAULT_CO2E_FACTORS.electricityUse[p].source}`;
const EV_SOURCE =
  'baseline petrol car 7 L/100 km × 2.3 kgCO2/L = 0.16 kgCO2/km, EV 15 kWh/100 km (design assumptions, unverified); ';
const TREE_SOURCE =
  '18 kgCO2 per tree per year, the figure commonly used by Chinese carbon-inclusion platforms (unverified), per tree-day = 18/365,000 t';

const methodology = (
  id: string,
  province: Province,
  activity: ActivityKind,
  unit: Methodology['unit'],
  factor: Rational,
  source: string,
  cap: Methodology['cap'],
): Methodology => ({
  id,
  province,
  activity,
  creditKind: province === 'CQ' ? 'CQCER' : 'TANHUI_TIANFU',
  unit,
  factor,
  source,
  cap,
});

// Caps: a 100 kWp rooftop at 10 full-load hours = 1,000 kWh/day; a car driven 24 h at ~42 km/h ≈ 1,000 km/day;
// 100,000 trees per record (beyond that it is a forestry-sink project, not carbon inclusion).
const SOLAR_CAP = { perDay: 1_000 };
const EV_CAP = { perDay: 1_000 };
const TREE_CAP = { perRecord: 100_000 };

export const METHODOLOGIES: readonly Methodology[] = (['CQ', 'SC'] as const).flatMap((p) => [
  methodology(
    `${p}-SOLAR-ROOFTOP`,
    p,
    'rooftop-solar',
    'kWh',
    { num: grid(p), den: 10_000_000 },
    GRID_SOURCE(p),
    SOLAR_CAP,
  ),
  methodology(`${p}-EV-KM`, p, 'ev-travel', 'km', ev(p), EV_SOURCE + GRID_SOURCE(p), EV_CAP),
  methodology(`${p}-TREES`, p, 'tree-planting', 'tree', { num: 18, den: 365_000 }, TREE_SOURCE, TREE_CAP),
]);
