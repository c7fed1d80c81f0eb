import type { EntityManager } from 'typeorm';

export interface DepthLevelView {
  price: number;
  qty: number;
  orders: number;
}

export interface DepthView {
  instrument: string;
  bids: DepthLevelView[];
  asks: DepthLevelView[];
}

/**
 * Top price levels per side from the orders read model: what rests is exactly the orders with
 * quantity remaining, so the levels are sums over them (bids high to low, asks low to high).
 */
export async function readDepth(
  manager: EntityManager,
  instrument: string,
  levels: number,
): Promise<DepthView> {
  const side = async (name: 'buy' | 'sell'): Promise<DepthLevelView[]> => {
    const rows: { price: string; qty: string; orders: string }[] = await manager.query(
      `SELECT price, sum(remaining) AS qty, count(*) AS orders FROM orders_view
       WHERE instrument = $1 AND side = $2 AND remaining > 0
       GROUP BY price ORDER BY price ${name === 'buy' ? 'DESC' : 'ASC'} LIMIT $3`,
      [instrument, name, levels],
    );
    return rows.map((r) => ({ price: Number(r.price), qty: Number(r.qty), orders: Number(r.orders) }));
  };
  return { instrument, bids: await side('buy'), asks: await side('sell') };
}
