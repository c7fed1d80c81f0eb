import fc from 'fast-check';
import { toLinkedUnits, type ExchangeRatio, type LinkedProvince } from '@app/domain';
import { bandBounds, OrderBookEngine, type MatchingEvent } from '@app/matching';
import {
  ClearingLedger,
  depositCash,
  depositUnits,
  linkedLegs,
  registerMember,
  releaseOrder,
  reserveForOrder,
  settleTrade,
  type OrderLeg,
} from './index';

/**
 * Both provinces' allowances in one linked book, settled as the exchange worker does: each order
 * reserves on its own instrument at its own price, enters the book in linked units, and a trade
 * delivers the seller's units to the buyer.
 */
const SYMBOL: Record<LinkedProvince, string> = { CQ: 'CQEA-2025', SC: 'SCEA-2025' };
const REFERENCE: Record<LinkedProvince, number> = { CQ: 3600, SC: 4000 };
const MEMBERS = ['m0', 'm1', 'm2', 'm3'];

type Step =
  | { kind: 'cash'; m: number; amount: number }
  | { kind: 'units'; m: number; p: LinkedProvince; qty: number }
  | {
      kind: 'order';
      m: number;
      p: LinkedProvince;
      side: 'buy' | 'sell';
      market: boolean;
      bp: number;
      qty: number;
    }
  | { kind: 'cancel'; pick: number };

const province = fc.constantFrom('CQ' as const, 'SC' as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('cash' as const),
    m: fc.nat(3),
    amount: fc.integer({ min: 1, max: 5_000_000 }),
  }),
  fc.record({
    kind: fc.constant('units' as const),
    m: fc.nat(3),
    p: province,
    qty: fc.integer({ min: 1, max: 2_000 }),
  }),
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      m: fc.nat(3),
      p: province,
      side: fc.constantFrom('buy' as const, 'sell' as const),
      market: fc.boolean(),
      /** Limit price as an offset from the province's reference, within its ±10 % band. */
      bp: fc.integer({ min: -1000, max: 1000 }),
      qty: fc.integer({ min: 1, max: 300 }),
    }),
  },
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
);

function run(steps: Step[], ratio: ExchangeRatio, feeBp: number) {
  const ledger = new ClearingLedger();
  const engine = new OrderBookEngine({ instrument: 'LINKED-EA-2025', tick: 1, lot: 1, maxQty: 10_000_000 });
  const legs = new Map<string, OrderLeg & { member: string; side: 'buy' | 'sell' }>();
  const deposited = { cash: 0, CQEA: 0, SCEA: 0 } as Record<string, number>;
  let trades = 0;
  let n = 0;
  for (const m of MEMBERS) ledger.apply(registerMember(ledger, { member: m, name: m, jurisdiction: 'CQ' }));
  const settle = (events: MatchingEvent[]) => {
    for (const e of events) {
      if (e.type === 'trade') {
        const t = legs.get(e.taker)!;
        const mk = legs.get(e.maker)!;
        const [buy, sell, buyId, sellId] =
          t.side === 'buy' ? [t, mk, e.taker, e.maker] : [mk, t, e.maker, e.taker];
        ledger.apply(
          settleTrade(ledger, {
            instrument: 'LINKED-EA-2025',
            tradeNo: ++trades,
            price: e.price,
            qty: e.qty,
            buyer: buy.member,
            seller: sell.member,
            buyOrderId: buyId,
            sellOrderId: sellId,
            legs: linkedLegs(e.qty, buy, sell),
          }),
        );
      } else if (e.type === 'cancelled') ledger.apply(releaseOrder(ledger, e.id, e.reason));
      else if (e.type === 'rejected' && e.id) ledger.apply(releaseOrder(ledger, e.id, e.reason));
    }
  };
  for (const s of steps) {
    try {
      if (s.kind === 'cash') {
        ledger.apply(depositCash(ledger, MEMBERS[s.m], s.amount, 'w'));
        deposited.cash += s.amount;
      } else if (s.kind === 'units') {
        ledger.apply(depositUnits(ledger, MEMBERS[s.m], SYMBOL[s.p], s.qty, 't'));
        deposited[SYMBOL[s.p].slice(0, 4)] += s.qty;
      } else if (s.kind === 'order') {
        const id = `o${++n}`;
        const member = MEMBERS[s.m];
        const [, bandHigh] = bandBounds(REFERENCE[s.p], 1000, 1);
        const price = Math.round((REFERENCE[s.p] * (10_000 + s.bp)) / 10_000);
        ledger.apply(
          reserveForOrder(ledger, {
            ...{ orderId: id, member, instrument: SYMBOL[s.p], side: s.side, qty: s.qty, bandHigh, feeBp },
            price: s.market ? undefined : price,
          }),
        );
        legs.set(id, { instrument: SYMBOL[s.p], perUnit: ratio[s.p], member, side: s.side });
        // A market buy enters as IOC at its reservation's price: it never pays more than it holds back.
        const limit = s.market && s.side === 'buy' ? bandHigh : s.market ? undefined : price;
        const linked = toLinkedUnits(s.p, { price: limit, qty: s.qty }, ratio);
        if (!linked) {
          ledger.apply(releaseOrder(ledger, id, 'rejected:off-exchange-ratio'));
          continue;
        }
        settle(
          linked.price === undefined
            ? engine.apply({ type: 'market', id, account: member, side: s.side, qty: linked.qty })
            : engine.apply({
                type: 'limit',
                id,
                account: member,
                side: s.side,
                price: linked.price,
                qty: linked.qty,
                tif: s.market ? 'IOC' : 'GTC',
              }),
        );
      } else if (s.kind === 'cancel' && ledger.orders.size > 0) {
        settle(engine.apply({ type: 'cancel', id: [...ledger.orders.keys()][s.pick % ledger.orders.size] }));
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code?.startsWith('CLEARING.') || code === 'CLEARING.INVARIANT') throw error;
    }
  }
  return { ledger, engine, deposited, trades };
}

function totals(ledger: ClearingLedger): Record<string, number> {
  const out: Record<string, number> = { cash: ledger.totalFees(), CQEA: 0, SCEA: 0 };
  for (const m of ledger.members.values()) {
    out.cash += m.cash.available + m.cash.reserved;
    expect(Math.min(m.cash.available, m.cash.reserved)).toBeGreaterThanOrEqual(0);
    for (const [instrument, h] of m.holdings) {
      out[instrument.slice(0, 4)] += h.available + h.reserved;
      expect(Math.min(h.available, h.reserved, h.incoming)).toBeGreaterThanOrEqual(0);
    }
  }
  return out;
}

const ratio = fc.record({ CQ: fc.integer({ min: 1, max: 3 }), SC: fc.integer({ min: 1, max: 3 }) });
const runs = Number(process.env.FC_RUNS ?? 200);

describe('linked-book settlement under random workloads', () => {
  it('conserves cash + fees and each province’s allowances; nothing goes negative', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 120 }),
        ratio,
        fc.integer({ min: 0, max: 300 }),
        (steps, r, fee) => {
          const { ledger, deposited } = run(steps, r, fee);
          expect(totals(ledger)).toEqual(deposited);
        },
      ),
      { numRuns: runs },
    );
  });

  it('keeps reservations equal to the resting book and releases them all when every order ends', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), ratio, (steps, r) => {
        const { ledger, engine } = run(steps, r, 10);
        const depth = engine.depth(1_000);
        const restingLinked = [...depth.bids, ...depth.asks].reduce((s, l) => s + l.qty, 0);
        const perUnit = (instrument: string) => (instrument === 'CQEA-2025' ? r.CQ : r.SC);
        const openLinked = [...ledger.orders.values()].reduce(
          (s, o) => s + o.openQty / perUnit(o.instrument),
          0,
        );
        expect(openLinked).toBe(restingLinked);
        for (const id of [...ledger.orders.keys()])
          ledger.apply(releaseOrder(ledger, id, 'market-separated'));
        for (const m of ledger.members.values()) {
          expect(m.cash.reserved).toBe(0);
          for (const h of m.holdings.values()) expect([h.reserved, h.incoming]).toEqual([0, 0]);
        }
      }),
      { numRuns: runs },
    );
  });

  it('delivers the seller’s province’s units: a CQ seller and an SC buyer at one-for-one', () => {
    const { ledger, trades } = run(
      [
        { kind: 'units', m: 0, p: 'CQ', qty: 100 },
        { kind: 'cash', m: 1, amount: 1_000_000 },
        { kind: 'order', m: 0, p: 'CQ', side: 'sell', market: false, bp: 0, qty: 100 },
        { kind: 'order', m: 1, p: 'SC', side: 'buy', market: false, bp: 0, qty: 60 },
      ],
      { CQ: 1, SC: 1 },
      0,
    );
    expect(trades).toBe(1);
    expect(ledger.member('m1')!.holdings.get('CQEA-2025')).toMatchObject({ available: 60, reserved: 0 });
    expect(ledger.member('m1')!.holdings.get('SCEA-2025')).toMatchObject({ available: 0, incoming: 0 });
    // The SC buyer bid 4,000 for 60 and paid the CQ seller's 3,600: the rest went back.
    expect(ledger.member('m1')!.cash).toEqual({ available: 1_000_000 - 216_000, reserved: 0 });
    expect(ledger.member('m0')!.cash.available).toBe(216_000);
  });

  it('do trade across provinces, so the properties are not vacuous', () => {
    const samples = fc.sample(fc.array(step, { minLength: 60, maxLength: 120 }), { numRuns: 30, seed: 7 });
    const crossings = samples.reduce((sum, steps) => sum + run(steps, { CQ: 1, SC: 2 }, 10).trades, 0);
    expect(crossings).toBeGreaterThan(30);
  });
});
