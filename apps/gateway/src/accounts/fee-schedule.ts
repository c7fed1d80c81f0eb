import { DEFAULT_FEE_SCHEDULE, validateFeeSchedule, type FeeSchedule } from '@app/clearing';

export const FEE_SCHEDULE = Symbol('FEE_SCHEDULE');

/** The exchange's fees; `CLEARING_FEE_BUYER_BP` / `CLEARING_FEE_SELLER_BP` override the default. */
export function feeScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): FeeSchedule {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw new Error(`${name} must be an integer number of basis points, got ${raw}`);
    return Number(raw);
  };
  return validateFeeSchedule({
    buyerBp: read('CLEARING_FEE_BUYER_BP', DEFAULT_FEE_SCHEDULE.buyerBp),
    sellerBp: read('CLEARING_FEE_SELLER_BP', DEFAULT_FEE_SCHEDULE.sellerBp),
  });
}
