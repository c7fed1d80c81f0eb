import type { PlaceOrderMessage } from '@app/contracts';
import { mulberry32 } from '@app/domain';

export type BookCommand =
  { name: 'PlaceOrder'; payload: PlaceOrderMessage } | { name: 'CancelOrder'; orderId: string };

/**
 * A seeded stream of orders and cancels around `referencePrice` (inside a ±10 % band): limit GTC
 * and DAY orders that rest or cross, some IOC and market orders, and cancels of earlier orders.
 */
export function randomBookCommands(
  instrument: string,
  count: number,
  seed: number,
  referencePrice = 3600,
  idPrefix = 'o',
): BookCommand[] {
  const prng = mulberry32(seed);
  const out: BookCommand[] = [];
  const placed: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = prng.nextInt(100);
    if (roll < 10 && placed.length > 0) {
      out.push({ name: 'CancelOrder', orderId: placed[prng.nextInt(placed.length)] });
      continue;
    }
    const orderId = `${idPrefix}${i}`;
    placed.push(orderId);
    const side = prng.nextInt(2) === 0 ? 'buy' : 'sell';
    const offset = prng.nextInt(41) - 20;
    const market = roll >= 97;
    out.push({
      name: 'PlaceOrder',
      payload: {
        commandId: `place:${orderId}`,
        orderId,
        instrument,
        account: `acct-${prng.nextInt(8)}`,
        side,
        type: market ? 'market' : 'limit',
        ...(market ? {} : { price: referencePrice + offset }),
        qty: 1 + prng.nextInt(50),
        tif: roll >= 90 ? 'IOC' : roll >= 60 ? 'DAY' : 'GTC',
        postOnly: false,
        receivedAt: 1_700_000_000_000 + i,
      },
    });
  }
  return out;
}
