import type { LinkedLegs } from './clearing-events';

/** An order of a linked book, as its owner placed it: on its own province's allowance. */
export interface OrderLeg {
  instrument: string;
  /** That instrument's allowances per linked unit (the exchange ratio of its province). */
  perUnit: number;
}

/** What each side of a trade of `qty` linked units moves in its own units. */
export function linkedLegs(qty: number, buy: OrderLeg, sell: OrderLeg): LinkedLegs {
  return {
    buy: { instrument: buy.instrument, qty: qty * buy.perUnit },
    sell: { instrument: sell.instrument, qty: qty * sell.perUnit },
  };
}
