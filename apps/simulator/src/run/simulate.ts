import { mulberry32, seedFromString } from '@app/domain';
import { DAY } from '@app/matching';
import {
  decideOrder,
  type MarketView,
  marketMakerQuotes,
  newTrader,
  offsetsAt,
  noiseOrder,
  type OrderIntent,
  solveEquilibrium,
  type SpeculatorParams,
  startDay,
  type Trader,
} from '@app/agents';
import type { ComplianceRules } from '@app/compliance';
import type { FirmSpec, JurisdictionSpec, Scenario } from '../scenario/model';
import { allocateYear } from './allocate';
import { comply } from './comply';
import {
  complianceRulesFor,
  creditLines,
  creditsHeld,
  eligibleCredits,
  penaltyPerTonne,
  usableOffsets,
} from './compliance-rules';
import type { EventLog } from './event-log';
import { OrderIds } from './market-sink';
import { RegistryBooks } from './registry-books';
import {
  closeDay,
  type Market,
  marketIds,
  marketOfJurisdiction,
  openMarket,
  setReference,
  vwapOf,
} from './markets';

export interface Progress {
  (doneSteps: number, totalSteps: number): void;
}

export interface SimulationStats {
  readonly orders: number;
  readonly events: number;
}

const json = (v: unknown): string => JSON.stringify(v);

/**
 * Runs the scenario through the real matching engine on a simulated clock (year / day / step) and
 * writes every event to `log`. Pure of wall time; all randomness from the scenario seed.
 */
export function simulate(s: Scenario, log: EventLog, progress?: Progress): SimulationStats {
  const prng = mulberry32(seedFromString(`trade:${s.seed}`));
  const rules = s.market;
  const ids = new OrderIds();
  const traders: Trader[] = s.firms.map((f, i) =>
    newTrader(f.id, i, f.agent, f.mac, rules.initialReferencePrice),
  );
  const auctionOf = new Map<string, Trader>();
  for (const j of s.jurisdictions) {
    const t = newTrader(
      `auction-${j.id}`,
      traders.length,
      'mac-trader',
      { type: 'linear', maxAbatement: 0, priceAtMax: 1 },
      rules.initialReferencePrice,
    );
    traders.push(t);
    auctionOf.set(j.id, t);
  }
  const expectedOrders = Math.ceil(
    (traders.length * s.years.length * s.tradingDaysPerYear * rules.stepsPerDay) / marketIds(s).length,
  );
  const firstSpeculator = traders.length;
  const params: SpeculatorParams[] = [];
  const unwindFromStepsLeft = Math.max(1, Math.floor(s.tradingDaysPerYear / 10)) * rules.stepsPerDay;
  for (const sp of s.speculators) {
    traders.push(
      newTrader(
        sp.id,
        traders.length,
        sp.kind,
        { type: 'linear', maxAbatement: 0, priceAtMax: 1 },
        rules.initialReferencePrice,
      ),
    );
    params.push({ maxQty: sp.maxQty, rangeBp: sp.rangeBp, spreadBp: sp.spreadBp, unwindFromStepsLeft });
  }
  const markets = marketIds(s).map((id) => openMarket(id, rules, log, traders, ids, expectedOrders));
  const marketById = new Map(markets.map((m) => [m.id, m]));
  const jurOfTrader = [
    ...s.firms.map((f) => f.jurisdiction),
    ...s.jurisdictions.map((j) => j.id),
    ...s.speculators.map((sp) => sp.jurisdiction),
  ];
  const marketOf: Market[] = jurOfTrader.map((j) => marketById.get(marketOfJurisdiction(s, j)) as Market);
  const liveOrder: string[] = traders.map(() => '');
  const liveAsk: string[] = traders.map(() => '');
  const ask: OrderIntent = { side: 1, price: 0, qty: 0 };
  const post = (i: number, t: Trader, m: Market, o: OrderIntent): string => {
    const id = ids.issue(i);
    const sink = m.sink;
    sink.account = t.id;
    sink.side = o.side;
    sink.price = o.price;
    sink.qty = o.qty;
    m.book.limit(id, t.id, o.side, o.price, o.qty, DAY, false, sink);
    orders++;
    return id;
  };
  const jurisdictionOf = new Map(s.jurisdictions.map((j) => [j.id, j]));
  const complianceRules = new Map(
    s.jurisdictions.map((j) => [j.id, complianceRulesFor(j, s.linkage, rules)]),
  );
  /** Units each firm loses from next year's free allocation (the penalty rule's deduction). */
  const deductions = new Array<number>(s.firms.length).fill(0);
  const offsetsAtFor =
    (f: FirmSpec, year: number) =>
    (verified: number): number => {
      const j = jurisdictionOf.get(f.jurisdiction) as JurisdictionSpec;
      return usableOffsets(f, year, j, complianceRules.get(j.id) as ComplianceRules, s.linkage, verified);
    };
  const books = RegistryBooks.supports(s) ? new RegistryBooks(s, s.speculators) : undefined;
  const startHoldings = new Array<number>(traders.length).fill(0);
  const order = Int32Array.from(traders.keys());
  const intent: OrderIntent = { side: 0, price: 0, qty: 0 };
  const steps = rules.stepsPerDay;
  const totalSteps = s.years.length * s.tradingDaysPerYear * steps;
  let doneSteps = 0;
  let orders = 0;

  log.line(
    `{"type":"scenario-started","name":${json(s.name)},"seed":${s.seed},"linkage":"${s.linkage}","years":${json(s.years)},"tradingDaysPerYear":${s.tradingDaysPerYear},"market":${json(rules)},"markets":${json(markets.map((m) => m.id))},"jurisdictions":${json(s.jurisdictions.map((j) => j.id))}${s.source === undefined ? '' : `,"scenario":${json(s.source)}`}}`,
  );
  for (const year of s.years) {
    const y = String(year);
    const alloc = allocateYear(year, s.jurisdictions, s.firms);
    const deductedIn = new Map<string, number>();
    s.firms.forEach((f, i) => {
      const t = traders[i] as Trader;
      const j = jurisdictionOf.get(f.jurisdiction) as JurisdictionSpec;
      const free = alloc.free[i] ?? 0;
      const deducted = Math.min(free, deductions[i] as number);
      const m = marketOfJurisdiction(s, f.jurisdiction);
      deductedIn.set(m, (deductedIn.get(m) ?? 0) + deducted);
      t.emissions = f.emissions[y] ?? 0;
      t.holdings = free - deducted;
      t.offsets = eligibleCredits(f, year, j, complianceRules.get(j.id) as ComplianceRules, s.linkage);
      t.offsetLimitBp = j.offsetLimitBp;
      t.cashFen = 0;
      t.quote = marketOf[i]?.reference ?? rules.initialReferencePrice;
      log.line(
        `{"type":"allocated","year":${year},"firm":"${f.id}","jurisdiction":"${f.jurisdiction}","sector":${json(f.sector)},"emissions":${t.emissions},"allocation":${t.holdings},"deducted":${deducted},"credits":${creditsHeld(f, year)},"plannedOffsets":${offsetsAt(t, t.emissions)}}`,
      );
    });
    for (const [j, qty] of alloc.auctioned) {
      const t = auctionOf.get(j) as Trader;
      t.holdings = qty;
      t.cashFen = 0;
      t.quote = marketOf[t.index]?.reference ?? rules.initialReferencePrice;
      if (qty > 0)
        log.line(
          `{"type":"auction-offered","year":${year},"jurisdiction":"${j}","account":"${t.id}","qty":${qty}}`,
        );
    }
    for (let i = firstSpeculator; i < traders.length; i++) {
      const t = traders[i] as Trader;
      t.holdings = 0;
      t.cashFen = 0;
    }
    traders.forEach((t, i) => (startHoldings[i] = t.holdings));
    if (books) {
      for (const j of s.jurisdictions) {
        const free = s.firms.flatMap((f, i) =>
          f.jurisdiction === j.id ? [{ account: f.id, qty: (traders[i] as Trader).holdings }] : [],
        );
        const deducted = s.firms.reduce(
          (a, f, i) =>
            a + (f.jurisdiction === j.id ? Math.min(alloc.free[i] ?? 0, deductions[i] as number) : 0),
          0,
        );
        books.allocate(year, j.id, free, alloc.auctioned.get(j.id) ?? 0, deducted);
      }
      for (const f of s.firms)
        for (const c of f.credits)
          books.issueCredits(year, f.id, c.issuer, c.projectType, c.quantity[y] ?? 0);
    }
    for (const m of markets) {
      const members = s.firms.filter((f) => marketOfJurisdiction(s, f.jurisdiction) === m.id);
      const cap = s.jurisdictions
        .filter((j) => marketOfJurisdiction(s, j.id) === m.id)
        .reduce((a, j) => a + (j.cap[y] ?? 0), 0);
      // Deducted units are cancelled; offsets cover emissions as the rules allow at each abatement.
      const eq = solveEquilibrium(
        members.map((f) => ({
          emissions: f.emissions[y] ?? 0,
          mac: f.mac,
          ...(f.credits.length > 0 ? { offsetsAt: offsetsAtFor(f, year) } : {}),
        })),
        cap - (deductedIn.get(m.id) ?? 0),
      );
      log.line(
        `{"type":"analytic","year":${year},"market":"${m.id}","equilibriumPrice":${eq.equilibriumPrice},"minAbatementCostFen":${eq.minAbatementCostFen},"shortage":${eq.shortage},"infeasible":${eq.infeasible}}`,
      );
      m.yearVolume = 0;
      m.yearNotional = 0;
      m.finalVolume = 0;
      m.finalNotional = 0;
      m.finalDaysFrom = s.tradingDaysPerYear - Math.max(1, Math.floor(s.tradingDaysPerYear / 10));
    }
    for (let day = 1; day <= s.tradingDaysPerYear; day++) {
      for (const m of markets) {
        log.line(
          `{"type":"day-started","year":${year},"day":${day},"market":"${m.id}","reference":${m.reference},"bandLow":${m.bandLow},"bandHigh":${m.bandHigh}}`,
        );
      }
      const views = new Map<Market, MarketView>();
      for (let step = 0; step < steps; step++) {
        const stepsLeft = (s.tradingDaysPerYear - day) * steps + (steps - step);
        for (const m of markets) {
          views.set(m, {
            reference: m.reference,
            bandLow: m.bandLow,
            bandHigh: m.bandHigh,
            tick: rules.tick,
            penaltyPrice: penaltyPerTonne(rules, m.reference, m.reference),
            stepsLeft,
            lastDayTraded: m.lastDayTraded,
            lastDayAtLimit: m.lastDayAtLimit,
          });
        }
        shuffleInPlace(order, prng.nextInt);
        for (let k = 0; k < order.length; k++) {
          const i = order[k] as number;
          const t = traders[i] as Trader;
          const m = marketOf[i] as Market;
          const view = views.get(m) as MarketView;
          if (step === 0) startDay(t, view);
          const live = liveOrder[i] as string;
          if (live !== '' && m.book.remainingQty(live) !== undefined) m.book.cancel(live, m.sink);
          liveOrder[i] = '';
          if (i >= firstSpeculator) {
            const p = params[i - firstSpeculator] as SpeculatorParams;
            const liveA = liveAsk[i] as string;
            if (liveA !== '' && m.book.remainingQty(liveA) !== undefined) m.book.cancel(liveA, m.sink);
            liveAsk[i] = '';
            if (t.kind === 'noise') {
              if (noiseOrder(t, view, p, prng, intent)) liveOrder[i] = post(i, t, m, intent);
            } else {
              const [b, a] = marketMakerQuotes(t, view, p, intent, ask);
              if (b) liveOrder[i] = post(i, t, m, intent);
              if (a) liveAsk[i] = post(i, t, m, ask);
            }
            continue;
          }
          if (decideOrder(t, view, prng, intent)) liveOrder[i] = post(i, t, m, intent);
        }
        doneSteps++;
        if (progress) progress(doneSteps, totalSteps);
      }
      for (const m of markets) {
        m.book.expireDayOrders(m.sink);
        const bar = m.sink.bar;
        m.lastDayTraded = bar.trades > 0;
        m.lastDayAtLimit = !m.lastDayTraded ? 0 : bar.high >= m.bandHigh ? 1 : bar.low <= m.bandLow ? -1 : 0;
        setReference(m, rules, closeDay(m, log, year, day));
      }
      liveOrder.fill('');
      liveAsk.fill('');
    }
    if (books) {
      books.settle(
        year,
        traders.map((t, i) => ({
          account: t.id,
          jurisdiction: jurOfTrader[i] as string,
          qty: t.holdings - (startHoldings[i] as number),
        })),
      );
      for (const t of traders) books.check(year, t.id, t.holdings);
    }
    for (const m of markets) {
      const vwap = vwapOf(m.yearNotional, m.yearVolume);
      const finalVwap = vwapOf(m.finalNotional, m.finalVolume);
      const prices = {
        yearAvgFen: vwap > 0 ? vwap : m.reference,
        lastMonthAvgFen: finalVwap > 0 ? finalVwap : m.reference,
        penaltyPerTonneFen: 0,
      };
      const penaltyPrice = penaltyPerTonne(rules, prices.yearAvgFen, prices.lastMonthAvgFen);
      prices.penaltyPerTonneFen = penaltyPrice;
      log.line(
        `{"type":"year-closed","year":${year},"market":"${m.id}","vwap":${vwap},"close":${m.reference},"penaltyPrice":${penaltyPrice}}`,
      );
      s.firms.forEach((f, i) => {
        if (marketOf[i] !== m) return;
        const t = traders[i] as Trader;
        const j = jurisdictionOf.get(f.jurisdiction) as JurisdictionSpec;
        const c = comply(t, year, complianceRules.get(j.id) as ComplianceRules, prices, (verified) =>
          creditLines(f, year, j, s.linkage, verified),
        );
        deductions[i] = c.nextYearDeduction;
        books?.surrender(
          year,
          f.id,
          f.jurisdiction,
          c.allowancesSurrendered,
          c.creditsSurrendered.map((x) => ({
            issuer: x.line.issuingJurisdiction,
            projectType: x.line.projectType,
            used: x.used,
          })),
        );
        log.line(
          `{"type":"complied","year":${year},"firm":"${f.id}","jurisdiction":"${f.jurisdiction}","emissions":${t.emissions},"abatement":${c.abatement},"abatementCostFen":${c.abatementCostFen},"verified":${c.verified},"unitsDue":${c.unitsDue},"holdings":${t.holdings},"offsetsUsed":${c.offsetsUsed},"surrendered":${c.surrendered},"shortfall":${c.shortfall},"penaltyFen":${c.penaltyFen},"nextYearDeduction":${c.nextYearDeduction},"cashFen":${t.cashFen}}`,
        );
      });
    }
    for (let i = firstSpeculator; i < traders.length; i++) {
      const t = traders[i] as Trader;
      log.line(
        `{"type":"position-closed","year":${year},"account":"${t.id}","kind":"${t.kind}","holdings":${t.holdings},"cashFen":${t.cashFen}}`,
      );
    }
    if (books) {
      books.lapse();
      const r = books.totals(year);
      log.line(
        `{"type":"registry-closed","year":${year},"issued":${r.issued},"surrendered":${r.surrendered},"cancelled":${r.cancelled}}`,
      );
    }
  }
  return { orders, events: log.lines };
}

function shuffleInPlace(a: Int32Array, nextInt: (n: number) => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = nextInt(i + 1);
    const tmp = a[i] as number;
    a[i] = a[j] as number;
    a[j] = tmp;
  }
}
