import type { Clock } from '../../../gateway/src/clock/clock';

/** The recognition saga's clock (request time, quota year, timeouts): tests replace `now`. */
export const RECOGNITION_CLOCK = Symbol('RECOGNITION_CLOCK');

/** A clock object of its own (not the shared `systemClock`), so a test changing it changes nothing else. */
export const recognitionClockProvider = {
  provide: RECOGNITION_CLOCK,
  useFactory: (): Clock => ({ now: () => Date.now() }),
};

export type { Clock };
