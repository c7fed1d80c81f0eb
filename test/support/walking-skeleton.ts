import { eventually, getJson, postJson } from './http';
import { fundMember } from './members';

interface Trade {
  instrument: string;
  price: number;
  qty: number;
  buyer: string;
  seller: string;
}

/**
 * Two crossing limit orders over HTTP; the trade must come back from GET /trades. The seller's
 * CQ/SC units enter through the custody of the registry at `registryUrl` (default `baseUrl`).
 */
export async function crossTwoOrders(
  baseUrl: string,
  instrument = 'CQEA-2025',
  registryUrl?: string,
): Promise<Trade[]> {
  await fundMember(baseUrl, 'cq-steel-001', { units: { [instrument]: 500 }, registryUrl });
  await fundMember(baseUrl, 'cq-power-002', { cash: 3620 * 300 * 2 });
  const sell = await postJson(`${baseUrl}/orders`, {
    instrument,
    account: 'cq-steel-001',
    side: 'sell',
    price: 3600,
    qty: 500,
    clientOrderId: `sell-${instrument}`,
  });
  expect(sell.status).toBe(202);
  const buy = await postJson(`${baseUrl}/orders`, {
    instrument,
    account: 'cq-power-002',
    side: 'buy',
    price: 3620,
    qty: 300,
    clientOrderId: `buy-${instrument}`,
  });
  expect(buy.status).toBe(202);
  return eventually(
    async () => {
      const trades = await getJson<Trade[]>(`${baseUrl}/trades?instrument=${instrument}`);
      return trades.length > 0 ? trades : undefined;
    },
    20000,
    'the trade to show in GET /trades',
  );
}

export const expectedTrade = (instrument = 'CQEA-2025') => ({
  instrument,
  price: 3600,
  qty: 300,
  buyer: 'cq-power-002',
  seller: 'cq-steel-001',
});
