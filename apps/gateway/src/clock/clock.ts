/** Time comes from here, never from `Date.now()` in a handler, so tests and replays can fix it. */
export interface Clock {
  now(): number;
}
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => Date.now() };
