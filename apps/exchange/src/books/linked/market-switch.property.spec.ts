import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { ClearingLedger, depositCash, depositUnits, registerMember, reserveForOrder } from '@app/clearing';
import type { BookEvent, ExchangeCommandMessage } from '@app/contracts';
import { bandBounds } from '@app/matching';
import { InstrumentCatalogue } from '@app/platform';
import { clearingEventsOf } from '../../clearing/settlement.service';
import { inMemoryBookCache } from '../testing/in-memory-book-cache';
import { MarketLinkage } from './market-linkage';

/**
 * The matching worker's routing and the settlement of what it decides, over random orders of
 * both provinces' allowances with market switches (separate ↔ linked at random ratios) in
 * between: cash + fees and each province's allowances are conserved, nothing goes negative, and
 * no reservation outlives its order (after a last switch and cancelling what rests, nothing is
 * reserved).
 */
const catalogue = InstrumentCatalogue.load('seeds');
const SYMBOLS = ['CQEA-2025', 'SCEA-2025'] as const;
const MEMBERS = ['m0', 'm1', 'm2', 'm3'];
const FEE_BP = 10;
const manager = {} as EntityManager;

type Step =
  | { kind: 'order'; m: number; s: 0 | 1; side: 'buy' | 'sell'; market: boolean; bp: number; qty: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'switch'; linked: boolean; cq: number; sc: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      m: fc.nat(3),
      s: fc.constantFrom(0 as const, 1 as const),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      market: fc.boolean(),
      bp: fc.integer({ min: -1000, max: 1000 }),
      qty: fc.integer({ min: 1, max: 200 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('switch' as const),
      linked: fc.boolean(),
      cq: fc.integer({ min: 1, max: 2 }),
      sc: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

async function run(steps: Step[]) {
  const cache = inMemoryBookCache(catalogue);
  const linkage = new MarketLinkage(cache, catalogue);
  const ledger = new ClearingLedger();
  const deposited: Record<string, number> = { cash: 0, 'CQEA-2025': 0, 'SCEA-2025': 0 };
  let trades = 0;
  let n = 0;
  let version = 0;
  for (const m of MEMBERS) {
    ledger.apply(registerMember(ledger, { member: m, name: m, jurisdiction: 'CQ' }));
    ledger.apply(depositCash(ledger, m, 3_000_000, 'w'));
    deposited.cash += 3_000_000;
    for (const s of SYMBOLS) {
      ledger.apply(depositUnits(ledger, m, s, 600, 't'));
      deposited[s] += 600;
    }
  }
  const settle = (events: BookEvent[]) => {
    for (const e of events) {
      if (e.type === 'TradeExecuted') trades++;
      ledger.apply(clearingEventsOf(ledger, e));
    }
  };
  /** What BookWorker.applyAll does with one command. */
  const apply = async (command: ExchangeCommandMessage) => {
    const routed = await linkage.route(command, manager);
    if (routed) for (const d of routed) settle(d.events);
    else {
      const book = await cache.get(command.payload.instrument);
      if (command.name === 'PlaceOrder') settle(book.place(command.payload));
      else if (command.name === 'CancelOrder') settle(book.cancel(command.payload.orderId));
    }
  };
  const cancel = (orderId: string) =>
    apply({
      name: 'CancelOrder',
      payload: {
        commandId: `c:${orderId}`,
        orderId,
        instrument: ledger.order(orderId)!.instrument,
        receivedAt: 1,
      },
    });
  const switchTo = (linked: boolean, ratio: { CQ: number; SC: number }) =>
    apply({
      name: 'SetMarketMode',
      payload: {
        commandId: `mm${++version}`,
        instrument: 'LINKED-EA-2025',
        version: `v${version}`,
        mode: linked ? 'linked' : 'separate',
        exchangeRatio: ratio,
        effectiveFrom: '2026-11-25',
        receivedAt: 1,
      },
    });

  for (const s of steps) {
    if (s.kind === 'switch') await switchTo(s.linked, { CQ: s.cq, SC: s.sc });
    else if (s.kind === 'cancel') {
      if (ledger.orders.size > 0) await cancel([...ledger.orders.keys()][s.pick % ledger.orders.size]);
    } else {
      const symbol = SYMBOLS[s.s];
      const rules = catalogue.get(symbol)!;
      const price = Math.round((rules.referencePrice * (10_000 + s.bp)) / 10_000);
      const orderId = `o${++n}`;
      const member = MEMBERS[s.m];
      try {
        ledger.apply(
          reserveForOrder(ledger, {
            orderId,
            member,
            instrument: symbol,
            side: s.side,
            qty: s.qty,
            ...(s.market ? {} : { price }),
            bandHigh: bandBounds(rules.referencePrice, rules.bandBp, rules.tick)[1],
            feeBp: FEE_BP,
          }),
        );
      } catch (error) {
        if (!(error as { code?: string }).code?.startsWith('CLEARING.INSUFFICIENT')) throw error;
        continue;
      }
      await apply({
        name: 'PlaceOrder',
        payload: {
          commandId: `place:${orderId}`,
          orderId,
          instrument: symbol,
          account: member,
          side: s.side,
          type: s.market ? 'market' : 'limit',
          ...(s.market ? {} : { price }),
          qty: s.qty,
          tif: 'GTC',
          postOnly: false,
          receivedAt: 1,
        },
      });
    }
  }
  return { ledger, deposited, trades, switchTo, cancel };
}

function totals(ledger: ClearingLedger): Record<string, number> {
  const out: Record<string, number> = { cash: ledger.totalFees(), 'CQEA-2025': 0, 'SCEA-2025': 0 };
  for (const m of ledger.members.values()) {
    out.cash += m.cash.available + m.cash.reserved;
    expect(Math.min(m.cash.available, m.cash.reserved)).toBeGreaterThanOrEqual(0);
    for (const [instrument, h] of m.holdings) {
      out[instrument] += h.available + h.reserved;
      expect(Math.min(h.available, h.reserved, h.incoming)).toBeGreaterThanOrEqual(0);
    }
  }
  return out;
}

describe('market switches under random order flow (routing + settlement)', () => {
  it('conserves cash and each province’s allowances, and leaves no reservation behind its order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 120 }), async (steps) => {
        const { ledger, deposited, switchTo, cancel } = await run(steps);
        expect(totals(ledger)).toEqual(deposited);
        // A last switch to separate purges the linked book; cancelling what rests in the own books
        // must then free every reservation.
        await switchTo(false, { CQ: 1, SC: 1 });
        for (const id of [...ledger.orders.keys()]) await cancel(id);
        expect(ledger.orders.size).toBe(0);
        for (const m of ledger.members.values()) {
          expect(m.cash.reserved).toBe(0);
          for (const h of m.holdings.values()) expect([h.reserved, h.incoming]).toEqual([0, 0]);
        }
        expect(totals(ledger)).toEqual(deposited);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });

  it('does trade across switches, so the property is not vacuous', async () => {
    const samples = fc.sample(fc.array(step, { minLength: 60, maxLength: 100 }), { numRuns: 20, seed: 11 });
    let trades = 0;
    for (const steps of samples) trades += (await run(steps)).trades;
    expect(trades).toBeGreaterThan(20);
  });
});
