import { Prng } from '@app/domain';

export interface DemoInstrument {
  symbol: string;
  /** CQ, SC, or another (national) registry whose units any firm may hold. */
  jurisdiction: string;
  referencePrice: number;
  tick: number;
  lot: number;
}

export interface DemoOrder {
  instrument: string;
  account: string;
  side: 'buy' | 'sell';
  type: 'limit';
  price: number;
  qty: number;
  tif: 'GTC' | 'IOC';
}

export interface DemoAccount {
  id: string;
  jurisdiction: string;
}

/**
 * Noise traders for the demo: a firm trades its own province's allowance or a national credit,
 * with limit orders within ±2 % of the reference price, on the tick, in lots; one in five is IOC
 * so the book both fills and drains. Seeded, so a demo replays the same.
 */
export function nextDemoOrder(
  prng: Prng,
  instruments: readonly DemoInstrument[],
  accounts: readonly DemoAccount[],
): DemoOrder {
  const account = accounts[prng.nextInt(accounts.length)];
  const tradable = instruments.filter(
    (i) => i.jurisdiction === account.jurisdiction || !['CQ', 'SC'].includes(i.jurisdiction),
  );
  const instrument = tradable[prng.nextInt(tradable.length)];
  const side = prng.nextInt(2) === 0 ? 'buy' : 'sell';
  const spreadTicks = Math.max(1, Math.floor((instrument.referencePrice * 2) / (100 * instrument.tick)));
  const offset = prng.nextInt(2 * spreadTicks + 1) - spreadTicks;
  const price = Math.max(instrument.tick, instrument.referencePrice + offset * instrument.tick);
  return {
    instrument: instrument.symbol,
    account: account.id,
    side,
    type: 'limit',
    price: price - (price % instrument.tick),
    qty: (1 + prng.nextInt(50)) * 10 * instrument.lot,
    tif: prng.nextInt(5) === 0 ? 'IOC' : 'GTC',
  };
}
