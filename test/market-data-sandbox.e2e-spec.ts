import { parseAppConfig, RunningService, startService } from '@app/platform';
import { sandboxService } from '../apps/sandbox/src/sandbox.app';
import { eventually, getJson, postJson } from './support/http';
import { FeedClient } from './support/feed-client';
import { fundMember } from './support/members';

const order = (o: Record<string, unknown>) => ({ instrument: 'SCEA-2024', qty: 100, ...o });

describe('market data in the sandbox: WebSocket feed, bars, my orders and trades', () => {
  let service: RunningService;
  let feed: FeedClient;

  beforeAll(async () => {
    service = await startService(sandboxService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'error' })));
    const base = service.url;
    await fundMember(base, 'sc-seller', { units: { 'SCEA-2024': 1000 } });
    await fundMember(base, 'sc-buyer', { cash: 100_000_000 });
    await postJson(
      `${base}/orders`,
      order({ account: 'sc-seller', side: 'sell', price: 4010, clientOrderId: 'f-s1' }),
    );
    await eventually(async () => {
      const o = await getJson<{ status: string }>(`${base}/orders/f-s1`);
      return o.status === 'open' ? o : undefined;
    });
    feed = new FeedClient(`${service.url.replace('http', 'ws')}/feed`);
    await feed.open;
  }, 60000);
  afterAll(async () => {
    feed?.close();
    await service?.close();
  });

  it('sends the full depth with its sequence on subscribe, then the trade and the depth change', async () => {
    feed.send({ op: 'subscribe', instrument: 'SCEA-2024' });
    const snapshot = await feed.next((m) => m.type === 'snapshot', 'the snapshot');
    expect(snapshot).toMatchObject({ instrument: 'SCEA-2024', bids: [], asks: [[4010, 100, 1]] });
    const seq = snapshot.seq as number;
    expect(seq).toBeGreaterThan(0);

    await postJson(
      `${service.url}/orders`,
      order({ account: 'sc-buyer', side: 'buy', price: 4010, qty: 60, clientOrderId: 'f-b1' }),
    );
    const trade = await feed.next((m) => m.type === 'trade', 'the trade');
    expect(trade).toMatchObject({
      instrument: 'SCEA-2024',
      tradeNo: 1,
      price: 4010,
      qty: 60,
      aggressor: 'buy',
    });
    const depth = await feed.next((m) => m.type === 'depth', 'the depth change');
    expect(depth).toMatchObject({
      instrument: 'SCEA-2024',
      prevSeq: expect.any(Number),
      asks: [[4010, 40, 1]],
    });
    expect(depth.prevSeq as number).toBeLessThanOrEqual(seq);
    expect(depth.seq as number).toBeGreaterThan(seq);
    expect(trade.seq as number).toBeGreaterThan(seq);

    await postJson(
      `${service.url}/orders`,
      order({ account: 'sc-buyer', side: 'buy', price: 3990, qty: 5, clientOrderId: 'f-b2' }),
    );
    const next = await feed.next((m) => m.type === 'depth' && m.seq !== depth.seq, 'the next depth change');
    expect(next).toMatchObject({ prevSeq: depth.seq, bids: [[3990, 5, 1]], asks: [] });
  });

  it('answers bad messages and unknown instruments with an error naming the field', async () => {
    feed.send('{"op": ');
    await feed.next((m) => m.type === 'error' && m.code === 'FEED.BAD_JSON', 'the bad-JSON error');
    feed.send({ op: 'subscribe', instrument: 'NOPE-1' });
    expect(
      await feed.next((m) => m.code === 'EXCHANGE.UNKNOWN_INSTRUMENT', 'the unknown-instrument error'),
    ).toMatchObject({
      field: 'instrument',
    });
    feed.send({ op: 'subscribe', instrument: 'SCEA-2024', channels: ['quotes'] });
    expect(await feed.next((m) => m.code === 'FEED.BAD_MESSAGE', 'the bad-message error')).toMatchObject({
      field: 'channels.0',
    });
  });

  it('shows OHLCV bars, and each member its own orders and trades', async () => {
    const bars = await eventually(async () => {
      const list = await getJson<Record<string, number>[]>(`${service.url}/bars/SCEA-2024?interval=1m`);
      return list.length > 0 ? list : undefined;
    });
    expect(bars).toEqual([
      expect.objectContaining({
        open: 4010,
        high: 4010,
        low: 4010,
        close: 4010,
        volume: 60,
        turnover: 240600,
        trades: 1,
      }),
    ]);
    expect(await getJson(`${service.url}/bars/SCEA-2024?interval=1d&from=0&to=1`)).toEqual([]);
    expect((await fetch(`${service.url}/bars/SCEA-2024?interval=2m`)).status).toBe(400);
    expect((await fetch(`${service.url}/bars/NOPE-1`)).status).toBe(404);

    const mine = await getJson<Record<string, unknown>[]>(`${service.url}/members/sc-seller/trades`);
    expect(mine).toEqual([expect.objectContaining({ side: 'sell', orderId: 'f-s1', qty: 60, price: 4010 })]);
    const open = await eventually(async () => {
      const list = await getJson<Record<string, unknown>[]>(
        `${service.url}/members/sc-buyer/orders?status=open`,
      );
      return list.length === 1 ? list : undefined;
    });
    expect(open).toEqual([expect.objectContaining({ orderId: 'f-b2', remaining: 5, status: 'open' })]);
    expect(await getJson(`${service.url}/members/sc-buyer/orders`)).toHaveLength(2);
    expect((await fetch(`${service.url}/members/bad%20id/orders`)).status).toBe(422);
  });

  it("changes an instrument's rules only by a regulator's dated decision, shown once in force", async () => {
    const base = service.url;
    const url = `${base}/instruments/CQEA-2024/decisions`;
    const soon = new Date(Date.now() + 1500).toISOString();
    const decision = {
      regulator: 'regulator-cq',
      decisionId: 'e2e-ref-price',
      effectiveFrom: soon,
      changes: { referencePrice: 4000, bandBp: 500 },
    };
    const first = await postJson(url, decision);
    expect(first).toMatchObject({
      status: 201,
      body: {
        decision: { symbol: 'CQEA-2024', regulator: 'regulator-cq' },
        rules: { referencePrice: 4000, bandBp: 500 },
      },
    });
    expect(await postJson(url, decision)).toEqual(first);
    expect(await postJson(url, { ...decision, changes: { bandBp: 400 } })).toMatchObject({
      status: 409,
      body: { code: 'INSTRUMENTS.DECISION_ID_CONFLICT', field: 'decisionId' },
    });
    const inForce = await eventually(async () => {
      const rules = await getJson<{ referencePrice: number; bandBp: number }>(
        `${base}/instruments/CQEA-2024`,
      );
      return rules.referencePrice === 4000 ? rules : undefined;
    });
    expect(inForce).toMatchObject({ bandBp: 500, tick: 1, hours: { timezone: 'Asia/Shanghai' } });
    expect(await getJson(url)).toEqual([expect.objectContaining({ decisionId: 'e2e-ref-price' })]);

    // The gateway checks the rules in force at once: 3700 was inside the old band, not the new
    // one (3800-4200). Within about a second the book enforces the new band too: 4150 was outside
    // the old one, so the engine resting it proves the book moved.
    const outside = await postJson(`${base}/orders`, {
      instrument: 'CQEA-2024',
      account: 'sc-buyer',
      side: 'buy',
      price: 3700,
      qty: 1,
    });
    expect(outside).toMatchObject({ status: 422, body: { code: 'EXCHANGE.OUTSIDE_BAND', field: 'price' } });
    let probe = 0;
    const buy = async (price: number): Promise<{ status: string; reason?: string }> => {
      const clientOrderId = `band-${price}-${++probe}`;
      await postJson(`${base}/orders`, {
        instrument: 'CQEA-2024',
        account: 'sc-buyer',
        side: 'buy',
        price,
        qty: 1,
        clientOrderId,
      });
      return eventually(async () => {
        const o = await getJson<{ status: string; reason?: string }>(`${base}/orders/${clientOrderId}`);
        return o.status === 'received' ? undefined : o;
      });
    };
    const rested = await eventually(
      async () => {
        const o = await buy(4150);
        return o.status === 'open' ? o : undefined;
      },
      10000,
      'the book to enforce the new band',
    );
    expect(rested).toMatchObject({ status: 'open' });
  });

  it('refuses a decision in the past, one leaving invalid rules, or on an unknown instrument, naming the field', async () => {
    const url = `${service.url}/instruments/SCEA-2025/decisions`;
    const valid = { regulator: 'regulator-sc', effectiveFrom: '2099-01-04', changes: { tick: 5 } };
    expect(await postJson(url, { ...valid, effectiveFrom: '2020-01-01' })).toMatchObject({
      status: 422,
      body: { code: 'INSTRUMENTS.EFFECTIVE_IN_PAST', field: 'effectiveFrom' },
    });
    expect(await postJson(url, { ...valid, changes: { bandBp: 20000 } })).toMatchObject({
      status: 422,
      body: { field: 'changes.bandBp' },
    });
    // The reference price of 4000 fen is a multiple of 5, 4001 would not be: checked against the rules it leaves.
    expect(await postJson(url, { ...valid, changes: { referencePrice: 4001, tick: 5 } })).toMatchObject({
      status: 422,
      body: { code: 'INSTRUMENTS.INVALID_RULES', field: 'changes.referencePrice' },
    });
    expect(await postJson(url, { ...valid, changes: {} })).toMatchObject({
      status: 422,
      body: { field: 'changes' },
    });
    expect(await postJson(`${service.url}/instruments/NOPE-1/decisions`, valid)).toMatchObject({
      status: 404,
    });
    // Sichuan's instrument is Sichuan's regulator's: Chongqing's is refused where the decision is made.
    expect(await postJson(url, { ...valid, regulator: 'regulator-cq' })).toMatchObject({
      status: 403,
      body: {
        code: 'ACCESS.FORBIDDEN',
        message: expect.stringContaining("a CQ regulator cannot act for SC (SCEA-2025 is SC's)"),
      },
    });
    expect(await postJson(url, valid)).toMatchObject({ status: 201, body: { rules: { tick: 5 } } });
    expect(await getJson(`${service.url}/instruments/SCEA-2025`)).toMatchObject({ tick: 1 });
  });
  it("decides the whole market's instrument (CCER) only with both provinces' keys", async () => {
    const base = service.url;
    const url = `${base}/instruments/CCER/decisions`;
    const soon = new Date(Date.now() + 1500).toISOString();
    const decision = { decisionId: 'e2e-ccer-band', effectiveFrom: soon, changes: { bandBp: 700 } };
    const before = await getJson<{ bandBp: number }>(`${base}/instruments/CCER`);
    expect(before.bandBp).toBe(1000);
    // Chongqing's regulator proposes: recorded with its key, not in force.
    const proposed = await postJson(url, { ...decision, regulator: 'regulator-cq' });
    expect(proposed).toMatchObject({
      status: 201,
      body: {
        status: 'proposed',
        decision: { regulator: 'regulator-cq', changes: { bandBp: 700 } },
        approvals: { CQ: 'regulator-cq' },
        awaiting: ['SC'],
        rules: { bandBp: 1000 },
      },
    });
    // Listed for Sichuan to review: the content and who signed, awaiting its key.
    expect(await getJson(`${base}/instruments/CCER/proposals`)).toEqual([
      expect.objectContaining({
        decisionId: 'e2e-ccer-band',
        changes: { bandBp: 700 },
        status: 'proposed',
        approvals: { CQ: 'regulator-cq' },
        awaiting: ['SC'],
      }),
    ]);
    expect(await getJson(`${base}/instruments/CQEA-2025/proposals`)).toEqual([]);
    // The same province again (another of its signers too): still awaiting Sichuan's key.
    for (const regulator of ['regulator-cq', 'CQ-EEB'])
      expect(await postJson(url, { ...decision, regulator })).toMatchObject({
        status: 201,
        body: { status: 'proposed', awaiting: ['SC'] },
      });
    // Sichuan's key on another content: refused, nothing takes effect.
    expect(
      await postJson(url, { ...decision, regulator: 'regulator-sc', changes: { bandBp: 600 } }),
    ).toMatchObject({ status: 409, body: { code: 'INSTRUMENTS.DECISION_ID_CONFLICT', field: 'decisionId' } });
    expect(
      await postJson(url, { ...decision, regulator: 'regulator-sc', effectiveFrom: '2099-01-04' }),
    ).toMatchObject({ status: 409, body: { code: 'INSTRUMENTS.DECISION_ID_CONFLICT' } });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await getJson(url)).toEqual([]);
    expect(await getJson(`${base}/instruments/CCER`)).toMatchObject({ bandBp: 1000 });
    // The proposal's effective instant has passed: it can no longer be approved.
    expect(await postJson(url, { ...decision, regulator: 'regulator-sc' })).toMatchObject({
      status: 422,
      body: { code: 'INSTRUMENTS.EFFECTIVE_IN_PAST' },
    });

    // A new proposal, by Sichuan this time, approved by Chongqing: in force, both keys recorded.
    const next = {
      decisionId: 'e2e-ccer-band-2',
      effectiveFrom: new Date(Date.now() + 1500).toISOString(),
      changes: { bandBp: 700 },
    };
    expect((await postJson(url, { ...next, regulator: 'regulator-sc' })).body).toMatchObject({
      status: 'proposed',
      awaiting: ['CQ'],
    });
    const adopted = await postJson(url, { ...next, regulator: 'regulator-cq' });
    expect(adopted).toMatchObject({
      status: 201,
      body: {
        status: 'adopted',
        decision: { regulator: 'regulator-cq', approvals: { CQ: 'regulator-cq', SC: 'regulator-sc' } },
        approvals: { CQ: 'regulator-cq', SC: 'regulator-sc' },
        awaiting: [],
        rules: { bandBp: 700 },
      },
    });
    // Sent again by either side: the decision in force, recorded once.
    expect((await postJson(url, { ...next, regulator: 'regulator-sc' })).body).toMatchObject({
      status: 'adopted',
      decision: { decisionId: 'e2e-ccer-band-2' },
    });
    expect(await getJson(url)).toEqual([expect.objectContaining({ decisionId: 'e2e-ccer-band-2' })]);
    // Adopted, and the first proposal past its effective instant: neither awaits a key any more.
    expect(await getJson(`${base}/instruments/CCER/proposals`)).toEqual([]);
    const inForce = await eventually(async () => {
      const rules = await getJson<{ bandBp: number }>(`${base}/instruments/CCER`);
      return rules.bandBp === 700 ? rules : undefined;
    });
    expect(inForce).toMatchObject({ bandBp: 700 });
  });

  it("restricts and suspends an instrument's trading by a decision on its trading modes, then restores it", async () => {
    const base = service.url;
    const url = `${base}/instruments/SCEA-2024/decisions`;
    const decide = async (decisionId: string, modes: string[]) => {
      const effectiveFrom = new Date(Date.now() + 1200).toISOString();
      const made = await postJson(url, {
        regulator: 'regulator-sc',
        decisionId,
        effectiveFrom,
        changes: { modes },
      });
      expect(made).toMatchObject({ status: 201, body: { rules: { modes } } });
      await eventually(async () => {
        const rules = await getJson<{ modes: string[] }>(`${base}/instruments/SCEA-2024`);
        return JSON.stringify(rules.modes) === JSON.stringify(modes) ? rules : undefined;
      });
    };
    let probe = 0;
    /** A buy below the asks (it would rest), and what its book made of it. */
    const bid = async () => {
      const clientOrderId = `modes-${++probe}`;
      const sent = await postJson(`${base}/orders`, {
        ...order({ account: 'sc-buyer', side: 'buy', price: 3900, qty: 1 }),
        clientOrderId,
      });
      if (sent.status !== 202) return { clientOrderId, sent };
      const seen = await eventually(async () => {
        const o = await getJson<{ status: string; reason?: string }>(`${base}/orders/${clientOrderId}`);
        return o.status === 'received' ? undefined : o;
      });
      return { clientOrderId, sent, seen };
    };
    /** Bids until the book makes one of them `status` (a decision reaches it within about a second). */
    const bidUntil = (status: string, what: string) =>
      eventually(
        async () => {
          const b = await bid();
          return b.seen?.status === status ? b.seen : undefined;
        },
        10000,
        what,
      );
    const resting = await bid();
    expect(resting.seen).toMatchObject({ status: 'open' });

    // Call auctions only: the edge still takes listing orders, the book in continuous trading
    // rejects them.
    await decide('e2e-auction-only', ['auction', 'block']);
    const rejected = await bidUntil('rejected', 'the book to enforce the modes');
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'mode-not-allowed' });

    // Suspended: no listing order, no block trade; a resting order can still be cancelled.
    await decide('e2e-suspended', []);
    expect((await bid()).sent).toMatchObject({
      status: 422,
      body: { code: 'EXCHANGE.MODE_NOT_ALLOWED', field: 'instrument' },
    });
    expect(
      await postJson(`${base}/block-trades`, {
        instrument: 'SCEA-2024',
        buyer: 'sc-buyer',
        seller: 'sc-seller',
        price: 4000,
        qty: 100_000,
      }),
    ).toMatchObject({ status: 422, body: { code: 'EXCHANGE.BLOCK_NOT_ALLOWED', field: 'instrument' } });
    expect((await fetch(`${base}/orders/${resting.clientOrderId}`, { method: 'DELETE' })).status).toBe(202);
    await eventually(async () => {
      const o = await getJson<{ status: string }>(`${base}/orders/${resting.clientOrderId}`);
      return o.status === 'cancelled' ? o : undefined;
    });

    // Restored: orders rest again.
    await decide('e2e-restored', ['continuous', 'auction', 'block']);
    const restored = await bidUntil('open', 'the book to take orders again');
    expect(restored).toMatchObject({ status: 'open' });
  });
});
