import { Prng } from '@app/domain';

export interface DemoInstrument {
  symbol: string;
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

/**
 * Noise traders for the demo: limit orders within ±2 % of the reference price, on the tick, in
 * lots; one in five is IOC so the book both fills and drains. Seeded, so a demo replays the same.
 */
export function nextDemoOrder(
  prng: Prng,
  instruments: readonly DemoInstrument[],
  accounts: readonly string[],
): DemoOrder {
  const instrument = instruments[prng.nextInt(instruments.length)];
  const side = prng.nextInt(2) === 0 ? 'buy' : 'sell';
  const spreadTicks = Math.max(1, Math.floor((instrument.referencePrice * 2) / (100 * instrument.tick)));
  const offset = prng.nextInt(2 * spreadTicks + 1) - spreadTicks;
  const price = Math.max(instrument.tick, instrument.referencePrice + offset * instrument.tick);
  return {
    instrument: instrument.symbol,
    account: accounts[prng.nextInt(accounts.length)],
    side,
    type: 'limit',
    price: price - (price % instrument.tick),
    qty: (1 + prng.nextInt(50)) * 10 * instrument.lot,
    tif: prng.nextInt(5) === 0 ? 'IOC' : 'GTC',
  };
}
