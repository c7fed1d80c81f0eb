import { InstrumentCatalogue } from '@app/platform';
import { depositThroughCustody, type FundingHttp } from '@app/platform/testing';
import { benchAuthHeaders } from './bench-auth';

export const BENCH_INSTRUMENTS = ['CQEA-2025', 'SCEA-2025', 'CCER', 'CQCER'];

const catalogue = InstrumentCatalogue.load('seeds');

export interface BenchOrder {
  instrument: string;
  account: string;
  side: 'buy' | 'sell';
  price: number;
  qty: number;
}

/**
 * An endless, deterministic stream of small limit orders that cross often: buys and sells
 * alternate within a few ticks of the reference price, over several instruments (so several
 * shards) and members.
 */
export function orderStream(members: number): () => BenchOrder {
  let n = 0;
  return () => {
    const i = n++;
    const instrument = BENCH_INSTRUMENTS[i % BENCH_INSTRUMENTS.length];
    const { referencePrice, tick } = catalogue.get(instrument)!;
    const side: BenchOrder['side'] = (i >> 2) % 2 === 0 ? 'buy' : 'sell';
    const offset = ((i * 7) % 5) - 2;
    return {
      instrument,
      account: `bench-m${i % members}`,
      side,
      price: referencePrice + (side === 'buy' ? offset + 1 : offset) * tick,
      qty: 1 + (i % 3),
    };
  };
}

async function post(url: string, body: unknown): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...benchAuthHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** The registry custody calls, with the bench's credentials. */
const custodyHttp: FundingHttp = {
  async post(url, body) {
    const actor = (body as { actor?: unknown }).actor;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        ...benchAuthHeaders(typeof actor === 'string' ? actor : undefined),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  },
  async get<T>(url: string) {
    return (await (await fetch(url, { headers: benchAuthHeaders() })).json()) as T;
  },
};

/**
 * Registers and funds the bench members (cash and units of every bench instrument), so
 * pre-trade risk passes. Returns false when the gateway has no member accounts yet.
 */
export async function fundMembers(
  gatewayUrl: string,
  members: number,
  registryUrl: string,
): Promise<boolean> {
  const fund = async (m: number): Promise<boolean> => {
    const memberId = `bench-m${m}`;
    const status = await post(`${gatewayUrl}/members`, { memberId, name: memberId, jurisdiction: 'CQ' });
    if (status === 404) return false;
    await post(`${gatewayUrl}/members/${memberId}/cash-deposits`, {
      amount: 1_000_000_000_000,
      reference: `bench-cash-${memberId}`,
    });
    // CQ/SC units through the registry's custody; others (CCER) by reference.
    for (const instrument of BENCH_INSTRUMENTS) {
      const definition = catalogue.get(instrument)!;
      if (definition.jurisdiction === 'CQ' || definition.jurisdiction === 'SC')
        await depositThroughCustody(
          custodyHttp,
          { gateway: gatewayUrl, registry: registryUrl },
          memberId,
          definition,
          100_000_000,
        );
      else
        await post(`${gatewayUrl}/members/${memberId}/unit-deposits`, {
          instrument,
          qty: 100_000_000,
          registryTransfer: `bench-units-${memberId}-${instrument}`,
        });
    }
    return true;
  };
  if (!(await fund(0))) return false;
  const PARALLEL = 16;
  for (let m = 1; m < members; m += PARALLEL)
    await Promise.all(Array.from({ length: Math.min(PARALLEL, members - m) }, (_, i) => fund(m + i)));
  return true;
}
