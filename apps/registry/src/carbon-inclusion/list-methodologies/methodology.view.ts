import type { Methodology } from '@app/recognition';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { CREDITING_WINDOW, MAX_PERIOD_DAYS } from '../crediting-window';

export interface MethodologyView {
  readonly id: string;
  readonly province: string;
  readonly programme: string;
  readonly creditKind: string;
  readonly activity: string;
  readonly unit: string;
  /** tCO2 per unit (per tree-day for trees) as an exact fraction, and in kg to 6 decimals for reading. */
  readonly factor: { readonly num: number; readonly den: number; readonly kgCo2PerUnit: string };
  readonly source: string;
  readonly cap: Methodology['cap'];
  readonly window: { readonly from: string; readonly maxPeriodDays: number };
}

/** kg to 6 decimals by integer arithmetic (num × 10^9 / den, rounded half up). */
const kgText = ({ num, den }: { num: number; den: number }): string => {
  const micro = (BigInt(num) * 1_000_000_000n * 2n + BigInt(den)) / (2n * BigInt(den));
  return `${micro / 1_000_000n}.${(micro % 1_000_000n).toString().padStart(6, '0')}`;
};

export function methodologyView(m: Methodology): MethodologyView {
  const window = CREDITING_WINDOW[m.province as RegistryJurisdiction];
  return {
    id: m.id,
    province: m.province,
    programme: window.programme,
    creditKind: m.creditKind,
    activity: m.activity,
    unit: m.unit,
    factor: { num: m.factor.num, den: m.factor.den, kgCo2PerUnit: kgText(m.factor) },
    source: m.source,
    cap: m.cap,
    window: { from: window.from, maxPeriodDays: MAX_PERIOD_DAYS },
  };
}
