import fc from 'fast-check';
import { bandBounds, OrderBookEngine, type MatchingEvent } from '@app/matching';
import {
  ClearingLedger,
  depositCash,
  depositUnits,
  registerMember,
  releaseOrder,
  reserveForAmendment,
  reserveForOrder,
  settleAmendment,
  settleTrade,
  type ClearingEvent,
} from './index';

const INSTRUMENT = 'CQEA-2025';
const MEMBERS = ['m0', 'm1', 'm2'];
const REFERENCE = 3600;
const [, BAND_HIGH] = bandBounds(REFERENCE, 1000, 1);

type Step =
  | { kind: 'cash'; m: number; amount: number }
  | { kind: 'units'; m: number; qty: number }
  | {
      kind: 'order';
      m: number;
      side: 'buy' | 'sell';
      market: boolean;
      price: number;
      qty: number;
      tif: 'GTC' | 'IOC' | 'FOK';
    }
  | { kind: 'cancel'; pick: number }
  | { kind: 'amend'; pick: number; price: number; qty: number }
  | { kind: 'deliver' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('cash' as const),
    m: fc.nat(2),
    amount: fc.integer({ min: 1, max: 2_000_000 }),
  }),
  fc.record({ kind: fc.constant('units' as const), m: fc.nat(2), qty: fc.integer({ min: 1, max: 2_000 }) }),
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      m: fc.nat(2),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      market: fc.boolean(),
      price: fc.integer({ min: 3500, max: 3700 }),
      qty: fc.integer({ min: 1, max: 300 }),
      tif: fc.constantFrom('GTC' as const, 'IOC' as const, 'FOK' as const),
    }),
  },
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deliver' as const) }),
  fc.record({
    kind: fc.constant('amend' as const),
    pick: fc.nat(),
    price: fc.integer({ min: 3500, max: 3700 }),
    qty: fc.integer({ min: 1, max: 400 }),
  }),
);

/** Runs the real matching engine and settles what it does, as the book worker does. */
function run(steps: Step[], feeBp: number) {
  const ledger = new ClearingLedger();
  const engine = new OrderBookEngine({
    instrument: INSTRUMENT,
    tick: 1,
    lot: 1,
    maxQty: 99_999,
    referencePrice: REFERENCE,
    bandBp: 1000,
  });
  const owners = new Map<string, { member: string; side: 'buy' | 'sell' }>();
  let deposited = 0;
  let unitsIn = 0;
  let tradeNo = 0;
  let n = 0;
  for (const m of MEMBERS) ledger.apply(registerMember(ledger, { member: m, name: m, jurisdiction: 'CQ' }));

  const settle = (events: MatchingEvent[]) => {
    for (const e of events) {
      let out: ClearingEvent[] = [];
      if (e.type === 'trade') {
        const taker = owners.get(e.taker)!;
        const maker = owners.get(e.maker)!;
        const takerBuys = taker.side === 'buy';
        out = settleTrade(ledger, {
          instrument: INSTRUMENT,
          tradeNo: ++tradeNo,
          price: e.price,
          qty: e.qty,
          buyer: takerBuys ? taker.member : maker.member,
          seller: takerBuys ? maker.member : taker.member,
          buyOrderId: takerBuys ? e.taker : e.maker,
          sellOrderId: takerBuys ? e.maker : e.taker,
        });
      } else if (e.type === 'cancelled') out = releaseOrder(ledger, e.id, e.reason);
      else if (e.type === 'rejected' && e.id) out = releaseOrder(ledger, e.id, e.reason);
      ledger.apply(out);
    }
  };

  const inFlight: { id: string; price: number; qty: number; openQtySeen: number }[] = [];
  /** The book worker's half, as InstrumentBook.amend does it: fills since the gateway looked lower the qty. */
  const deliver = (a: (typeof inFlight)[number]) => {
    const open = engine.remainingQty(a.id);
    const qty = open === undefined ? a.qty : a.qty - (a.openQtySeen - open);
    const events = qty > 0 ? engine.apply({ type: 'amend', id: a.id, price: a.price, qty }) : [];
    const amended = events.find((e) => e.type === 'amended');
    const order = ledger.order(a.id);
    if (amended && amended.type === 'amended')
      ledger.apply(settleAmendment(ledger, a.id, { price: amended.price, openQty: amended.qty }, 'amend'));
    else if (order)
      ledger.apply(
        settleAmendment(
          ledger,
          a.id,
          { price: order.reservePrice, openQty: order.openQty },
          'amend-rejected',
        ),
      );
    settle(events.filter((e) => e.type !== 'rejected'));
  };
  for (const s of steps) {
    try {
      if (s.kind === 'cash') {
        ledger.apply(depositCash(ledger, MEMBERS[s.m], s.amount, 'w'));
        deposited += s.amount;
      } else if (s.kind === 'units') {
        ledger.apply(depositUnits(ledger, MEMBERS[s.m], INSTRUMENT, s.qty, 't'));
        unitsIn += s.qty;
      } else if (s.kind === 'order') {
        const id = `o${++n}`;
        const member = MEMBERS[s.m];
        ledger.apply(
          reserveForOrder(ledger, {
            orderId: id,
            member,
            instrument: INSTRUMENT,
            side: s.side,
            price: s.market ? undefined : s.price,
            qty: s.qty,
            bandHigh: BAND_HIGH,
            feeBp,
          }),
        );
        owners.set(id, { member, side: s.side });
        settle(
          s.market
            ? engine.apply({ type: 'market', id, account: member, side: s.side, qty: s.qty })
            : engine.apply({
                type: 'limit',
                id,
                account: member,
                side: s.side,
                price: s.price,
                qty: s.qty,
                tif: s.tif,
              }),
        );
      } else if (s.kind === 'cancel' && ledger.orders.size > 0) {
        const id = [...ledger.orders.keys()][s.pick % ledger.orders.size];
        settle(engine.apply({ type: 'cancel', id }));
      } else if (s.kind === 'amend' && ledger.orders.size > 0) {
        // The gateway's half: top up for the new total, then the command waits in the queue.
        const id = [...ledger.orders.keys()][s.pick % ledger.orders.size];
        const order = ledger.order(id)!;
        ledger.apply(reserveForAmendment(ledger, { orderId: id, price: s.price, qty: order.filled + s.qty }));
        inFlight.push({ id, price: s.price, qty: s.qty, openQtySeen: order.openQty });
      } else if (s.kind === 'deliver' && inFlight.length > 0) {
        deliver(inFlight.shift()!);
      }
    } catch (error) {
      if (
        !(error as { code?: string }).code?.startsWith('CLEARING.') ||
        (error as { code?: string }).code === 'CLEARING.INVARIANT'
      )
        throw error;
    }
  }
  while (inFlight.length > 0) deliver(inFlight.shift()!);
  return { ledger, engine, deposited, unitsIn, tradeNo };
}

function totals(ledger: ClearingLedger) {
  let cash = 0;
  let units = 0;
  for (const m of ledger.members.values()) {
    cash += m.cash.available + m.cash.reserved;
    for (const h of m.holdings.values()) units += h.available + h.reserved;
    for (const v of [m.cash.available, m.cash.reserved]) expect(v).toBeGreaterThanOrEqual(0);
    for (const h of m.holdings.values())
      for (const v of [h.available, h.reserved, h.incoming]) expect(v).toBeGreaterThanOrEqual(0);
  }
  return { cash, units };
}

describe('clearing under random workloads through the real matching engine', () => {
  const runs = Number(process.env.FC_RUNS ?? 200);

  it('conserves cash + fees and units, and nothing goes negative', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), fc.integer({ min: 0, max: 300 }), (steps, feeBp) => {
        const { ledger, deposited, unitsIn } = run(steps, feeBp);
        const t = totals(ledger);
        expect(t.cash + ledger.totalFees()).toBe(deposited);
        expect(t.units).toBe(unitsIn);
      }),
      { numRuns: runs },
    );
  });

  it('reservations match the resting book, and are fully released when every order has ended', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), fc.integer({ min: 0, max: 300 }), (steps, feeBp) => {
        const { ledger, engine } = run(steps, feeBp);
        const depth = engine.depth(1_000);
        const resting = [...depth.bids, ...depth.asks].reduce((s, l) => s + l.qty, 0);
        expect([...ledger.orders.values()].reduce((s, o) => s + o.openQty, 0)).toBe(resting);
        for (const id of [...ledger.orders.keys()]) ledger.apply(releaseOrder(ledger, id, 'user'));
        for (const m of ledger.members.values()) {
          expect(m.cash.reserved).toBe(0);
          for (const h of m.holdings.values()) expect([h.reserved, h.incoming]).toEqual([0, 0]);
        }
      }),
      { numRuns: runs },
    );
  });
});

describe('the random workloads above', () => {
  it('do trade, so the properties are not vacuous', () => {
    const samples = fc.sample(fc.array(step, { minLength: 60, maxLength: 120 }), { numRuns: 30, seed: 42 });
    const trades = samples.reduce((sum, steps) => sum + run(steps, 10).tradeNo, 0);
    expect(trades).toBeGreaterThan(30);
  });
});
