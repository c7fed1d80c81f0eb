import type { PlaceOrderMessage } from '@app/contracts';
import { linkableAllowance, toLinkedUnits, type ExchangeRatio } from '@app/domain';
import { bandBounds } from '@app/matching';
import type { InstrumentDefinition } from '@app/platform';

/**
 * An order on a province's allowance as it enters its vintage's linked book: price and quantity
 * in linked units (the notional unchanged), its own instrument kept as its leg. A market buy
 * enters as IOC at the top of its own band, the price its cash was reserved at, so it can never
 * pay more than it holds back. A quantity that is not a whole number of linked units is refused
 * (`off-exchange-ratio`) and its reservation released.
 */
export function toLinkedOrder(
  order: PlaceOrderMessage,
  rules: Pick<InstrumentDefinition, 'referencePrice' | 'bandBp' | 'tick'>,
  ratio: ExchangeRatio,
): PlaceOrderMessage | { rejected: 'off-exchange-ratio' } {
  const allowance = linkableAllowance(order.instrument);
  if (!allowance) throw new Error(`${order.instrument} is not a linkable allowance`);
  const marketBuy = order.type === 'market' && order.side === 'buy';
  const price = marketBuy ? bandBounds(rules.referencePrice, rules.bandBp, rules.tick)[1] : order.price;
  const linked = toLinkedUnits(allowance.province, { price, qty: order.qty }, ratio);
  if (!linked) return { rejected: 'off-exchange-ratio' };
  return {
    ...order,
    instrument: allowance.linkedBook,
    ...(marketBuy ? { type: 'limit' as const, tif: 'IOC' as const } : {}),
    ...(linked.price !== undefined ? { price: linked.price } : {}),
    qty: linked.qty,
    leg: { instrument: order.instrument, perUnit: ratio[allowance.province] },
  };
}

/** The linked book's catalogue entry: the CQ allowance's of the vintage, renamed, tick and lot 1. */
export function linkedBookDefinition(
  symbol: string,
  get: (symbol: string) => InstrumentDefinition | undefined,
): InstrumentDefinition | undefined {
  const vintage = /^LINKED-EA-(\d{4})$/.exec(symbol)?.[1];
  const anchor = vintage ? get(`CQEA-${vintage}`) : undefined;
  if (!anchor) return undefined;
  return {
    ...anchor,
    symbol,
    nameEn: `Linked carbon allowance ${vintage}`,
    nameZh: `川渝联合碳排放配额${vintage}`,
    tick: 1,
    lot: 1,
  };
}
