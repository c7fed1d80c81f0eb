import fc from 'fast-check';
import {
  amendmentShortfall,
  ClearingLedger,
  depositCash,
  depositUnits,
  registerMember,
  releaseOrder,
  requiredReservation,
  reserveForAmendment,
  reserveForOrder,
  settleAmendment,
  settleTrade,
  type ClearingEvent,
} from './index';

const X = 'CQEA-2025';

/**
 * One resting order, amended while fills (and perhaps a cancel) race the amendment to the book:
 * the gateway tops up with `reserveForAmendment`, the fills settle with `settleTrade`, then the
 * book answers as `InstrumentBook.amend` does (the new open quantity lowered by the fills since the
 * gateway looked) and the worker settles it with `settleAmendment`, or `releaseOrder` for a cancel.
 */
const scenario = fc.record({
  side: fc.constantFrom('buy' as const, 'sell' as const),
  feeBp: fc.integer({ min: 0, max: 300 }),
  price: fc.integer({ min: 100, max: 5000 }),
  qty: fc.integer({ min: 1, max: 300 }),
  /** Part of the order already filled when it is amended, in percent. */
  filledBeforePct: fc.integer({ min: 0, max: 90 }),
  newPrice: fc.option(fc.integer({ min: 100, max: 5000 }), { nil: undefined }),
  newQty: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
  fills: fc.array(fc.record({ qty: fc.integer({ min: 1, max: 40 }), improve: fc.nat(50) }), {
    maxLength: 4,
  }),
  cancelled: fc.nat(4).map((n) => n === 0),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario) {
  const ledger = new ClearingLedger();
  const cash = 1_000_000_000_000;
  for (const m of ['owner', 'other']) {
    ledger.apply(registerMember(ledger, { member: m, name: m, jurisdiction: 'CQ' }));
    ledger.apply(depositCash(ledger, m, cash, 'w'));
    ledger.apply(depositUnits(ledger, m, X, 10_000, 't'));
  }
  let n = 0;
  let tradeNo = 0;
  const owner = s.side;
  const counter = s.side === 'buy' ? 'sell' : 'buy';
  ledger.apply(
    reserveForOrder(ledger, {
      orderId: 'o',
      member: 'owner',
      instrument: X,
      side: owner,
      price: s.price,
      qty: s.qty,
      bandHigh: 10_000,
      feeBp: s.feeBp,
    }),
  );
  /** The counterparty's order crosses at the resting order's price or better for it. */
  const fill = (qty: number, improve: number) => {
    const open = ledger.order('o')?.openQty ?? 0;
    const q = Math.min(qty, open);
    if (q === 0) return;
    const price = owner === 'buy' ? Math.max(1, s.price - improve) : s.price + improve;
    const id = `c${++n}`;
    ledger.apply(
      reserveForOrder(ledger, {
        orderId: id,
        member: 'other',
        instrument: X,
        side: counter,
        price,
        qty: q,
        bandHigh: 10_000,
        feeBp: s.feeBp,
      }),
    );
    const [buyOrderId, sellOrderId] = owner === 'buy' ? ['o', id] : [id, 'o'];
    const [buyer, seller] = owner === 'buy' ? ['owner', 'other'] : ['other', 'owner'];
    ledger.apply(
      settleTrade(ledger, {
        instrument: X,
        tradeNo: ++tradeNo,
        price,
        qty: q,
        buyer,
        seller,
        buyOrderId,
        sellOrderId,
      }),
    );
    ledger.apply(releaseOrder(ledger, id, 'filled'));
  };
  fill(Math.floor((s.qty * s.filledBeforePct) / 100), 0);

  // The gateway's half.
  const seen = ledger.order('o')!;
  const filledSeen = seen.filled;
  const openQtySeen = seen.openQty;
  let topUp: ClearingEvent[];
  try {
    topUp = reserveForAmendment(ledger, { orderId: 'o', price: s.newPrice, qty: s.newQty });
  } catch (error) {
    if ((error as { code?: string }).code !== 'CLEARING.AMEND_BELOW_FILLED') throw error;
    return { ledger, settled: false };
  }
  ledger.apply(topUp);
  const base = { ...ledger.order('o')! };

  for (const f of s.fills) fill(f.qty, f.improve);

  // The book worker's half.
  const order = ledger.order('o');
  if (s.cancelled || !order || order.openQty === 0) {
    ledger.apply(releaseOrder(ledger, 'o', s.cancelled ? 'user' : 'amend-rejected:unknown-order'));
    return { ledger, settled: true };
  }
  const openNow = order.openQty;
  const gatewayQty = s.newQty === undefined ? undefined : s.newQty - filledSeen;
  const bookQty = gatewayQty === undefined ? openNow : gatewayQty - (openQtySeen - openNow);
  if (bookQty <= 0) {
    ledger.apply(
      settleAmendment(ledger, 'o', { price: order.reservePrice, openQty: openNow }, 'amend-rejected'),
    );
    return { ledger, settled: true };
  }
  const after = { price: s.newPrice ?? order.reservePrice, openQty: bookQty };
  expect(amendmentShortfall(base, openNow, after)).toBe(0);
  ledger.apply(settleAmendment(ledger, 'o', after, 'amend'));
  return { ledger, settled: true };
}

describe('an amendment racing fills and cancels', () => {
  const runs = Number(process.env.FC_RUNS ?? 500);

  it('is always covered by what the gateway topped up, and leaves exactly what the order needs', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { ledger } = run(s);
        const order = ledger.order('o');
        if (order) {
          expect(order.amendTopUp).toBeNull();
          expect(order.reserved).toBe(requiredReservation(order, order.openQty));
        }
        const owner = ledger.member('owner')!;
        const units = owner.holdings.get(X)!;
        expect(owner.cash.reserved + units.reserved).toBe(order?.reserved ?? 0);
        const other = ledger.member('other')!;
        expect(other.cash.reserved + other.holdings.get(X)!.reserved).toBe(0);
        expect(owner.cash.available + owner.cash.reserved + other.cash.available + ledger.totalFees()).toBe(
          2_000_000_000_000,
        );
      }),
      { numRuns: runs },
    );
  });

  it('found the case that used to be short: a buy repriced down and raised, filled before the book saw it', () => {
    const s: Scenario = {
      side: 'buy',
      feeBp: 0,
      price: 100,
      qty: 10,
      filledBeforePct: 0,
      newPrice: 90,
      newQty: 11,
      fills: [{ qty: 5, improve: 0 }],
      cancelled: false,
    };
    const { ledger, settled } = run(s);
    expect(settled).toBe(true);
    expect(ledger.order('o')).toMatchObject({
      openQty: 6,
      reservePrice: 90,
      reserved: 540,
      amendTopUp: null,
    });
  });

  it('tells the worker when a reservation does not cover what the book would make of the order', () => {
    const base = {
      orderId: 'o',
      member: 'owner',
      instrument: X,
      side: 'sell' as const,
      reservePrice: 100,
      feeBp: 10,
      openQty: 10,
      filled: 0,
      reserved: 11,
      amendTopUp: 1,
    };
    expect(amendmentShortfall(base, 10, { openQty: 11 })).toBe(0);
    // Two amendments reserved against one reading: the second would make 13 open of 11 reserved.
    expect(
      amendmentShortfall({ ...base, reserved: 11, amendTopUp: null, openQty: 11 }, 11, { openQty: 13 }),
    ).toBe(2);
    // Fills since the load used up what they no longer need, and nothing more.
    expect(amendmentShortfall(base, 4, { openQty: 5 })).toBe(0);
    expect(amendmentShortfall(base, 4, { openQty: 6 })).toBe(1);
  });
});
