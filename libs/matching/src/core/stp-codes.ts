import type { StpMode } from './codes';

const STP_BY_NAME: Record<StpMode, number> = { 'cancel-incoming': 0, 'cancel-resting': 1, 'cancel-both': 2 };

/** Numeric STP code of a mode name, or -1 when unknown. */
export function stpCode(mode: unknown): number {
  return typeof mode === 'string' && Object.prototype.hasOwnProperty.call(STP_BY_NAME, mode)
    ? STP_BY_NAME[mode as StpMode]
    : -1;
}
