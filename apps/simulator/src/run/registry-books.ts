import { type InstrumentKind, isJurisdiction, type Jurisdiction } from '@app/domain';
import {
  balanceOf,
  handle,
  initialState,
  type LedgerCommand,
  type LedgerState,
  piecesOf,
  supplyTotals,
} from '@app/ledger';
import type { Scenario } from '../scenario/model';

const ALLOWANCE: InstrumentKind = 'CARBON_ALLOWANCE';
const CREDIT: InstrumentKind = 'CCER';
const CLEARING = 'clearing';

type Command = LedgerCommand extends infer C
  ? C extends { commandId: string }
    ? Omit<C, 'commandId'>
    : never
  : never;

export interface YearTotals {
  readonly issued: number;
  readonly surrendered: number;
  readonly cancelled: number;
}

/**
 * The registry's books beside the simulation: the real serial-block ledger (`@app/ledger`) issues
 * each year's allowances and credits, allocates them, settles every account's net trading position
 * at year end, takes the surrenders compliance decides and cancels what lapses. Before compliance
 * it checks that the ledger holds exactly what the simulator's counters say, so the market and the
 * registry cannot drift apart. Only for scenarios whose jurisdiction ids the registry knows (CQ,
 * SC, NATIONAL).
 */
export class RegistryBooks {
  private state: LedgerState = initialState;
  private commands = 0;

  static supports(s: Scenario): boolean {
    return s.jurisdictions.every((j) => isJurisdiction(j.id));
  }

  constructor(
    private readonly s: Scenario,
    speculators: readonly { id: string; jurisdiction: string }[],
  ) {
    for (const j of s.jurisdictions) {
      const jur = j.id as Jurisdiction;
      this.open(`gov-${j.id}`, 'GOVERNMENT', jur);
      this.open(`auction-${j.id}`, 'AUCTION', jur);
      this.open(`surrender-${j.id}`, 'SURRENDER', jur);
      this.open(`cancel-${j.id}`, 'CANCELLATION', jur);
    }
    this.open(CLEARING, 'ENTERPRISE_HOLDING', s.jurisdictions[0]?.id as Jurisdiction);
    for (const f of s.firms) this.open(f.id, 'ENTERPRISE_HOLDING', f.jurisdiction as Jurisdiction);
    for (const sp of speculators) this.open(sp.id, 'ENTERPRISE_HOLDING', sp.jurisdiction as Jurisdiction);
  }

  private run(command: Command): void {
    this.state = handle(this.state, {
      ...command,
      commandId: `sim-${++this.commands}`,
    } as LedgerCommand).state;
  }

  private open(
    accountId: string,
    accountType: 'ENTERPRISE_HOLDING' | 'GOVERNMENT' | 'AUCTION' | 'SURRENDER' | 'CANCELLATION',
    jurisdiction: Jurisdiction,
  ): void {
    this.run({ type: 'OpenAccount', accountId, accountType, jurisdiction });
  }

  /** Issues a jurisdiction's allowances for the year to its government account and hands them out. */
  allocate(
    year: number,
    jurisdiction: string,
    free: readonly { account: string; qty: number }[],
    auctioned: number,
    deducted: number,
  ): void {
    const jur = jurisdiction as Jurisdiction;
    const gov = `gov-${jurisdiction}`;
    const total = free.reduce((a, f) => a + f.qty, 0) + auctioned + deducted;
    if (total === 0) return;
    this.run({
      type: 'IssueUnits',
      accountId: gov,
      jurisdiction: jur,
      kind: ALLOWANCE,
      vintage: year,
      quantity: total,
    });
    const move = (to: string, quantity: number) =>
      quantity > 0 &&
      this.run({
        type: 'TransferUnits',
        from: gov,
        to,
        selection: { by: 'quantity', quantity, jurisdiction: jur, kind: ALLOWANCE, vintage: year },
      });
    for (const f of free) move(f.account, f.qty);
    move(`auction-${jurisdiction}`, auctioned);
    if (deducted > 0) {
      this.run({
        type: 'CancelUnits',
        from: gov,
        to: `cancel-${jurisdiction}`,
        reason: 'deducted for last year’s shortfall',
        selection: { by: 'quantity', quantity: deducted, jurisdiction: jur, kind: ALLOWANCE, vintage: year },
      });
    }
  }

  /** Credits a firm holds for the year, issued by their jurisdiction straight into its account. */
  issueCredits(year: number, account: string, issuer: string, projectType: string, quantity: number): void {
    if (quantity > 0)
      this.run({
        type: 'IssueUnits',
        accountId: account,
        jurisdiction: issuer as Jurisdiction,
        kind: CREDIT,
        vintage: year,
        projectId: projectType,
        quantity,
      });
  }

  /** Moves `quantity` allowances of `year`, of any issuer (own jurisdiction first), between accounts. */
  private moveAllowances(
    year: number,
    from: string,
    to: string,
    quantity: number,
    own: string,
    surrender: boolean,
  ): void {
    let left = quantity;
    const order = [own, ...this.s.jurisdictions.map((j) => j.id).filter((id) => id !== own)];
    for (const j of order) {
      if (left === 0) return;
      const have = balanceOf(this.state, from, {
        jurisdiction: j as Jurisdiction,
        kind: ALLOWANCE,
        vintage: year,
      });
      const q = Math.min(left, have);
      if (q === 0) continue;
      const selection = {
        by: 'quantity' as const,
        quantity: q,
        jurisdiction: j as Jurisdiction,
        kind: ALLOWANCE,
        vintage: year,
      };
      this.run(
        surrender
          ? { type: 'SurrenderUnits', from, to, selection, complianceYear: year }
          : { type: 'TransferUnits', from, to, selection },
      );
      left -= q;
    }
    if (left > 0)
      throw new Error(
        `registry: ${from} cannot deliver ${quantity} allowances of ${year} (short by ${left})`,
      );
  }

  /** Settles the year's trading: net sellers deliver to the clearing account, which delivers to net buyers. */
  settle(year: number, net: readonly { account: string; jurisdiction: string; qty: number }[]): void {
    for (const n of net)
      if (n.qty < 0) this.moveAllowances(year, n.account, CLEARING, -n.qty, n.jurisdiction, false);
    for (const n of net)
      if (n.qty > 0) this.moveAllowances(year, CLEARING, n.account, n.qty, n.jurisdiction, false);
  }

  /** Throws unless the ledger holds exactly `expected` allowances of `year` for `account`. */
  check(year: number, account: string, expected: number): void {
    const held = balanceOf(this.state, account, { kind: ALLOWANCE, vintage: year });
    if (held !== expected)
      throw new Error(
        `registry disagrees with the market: ${account} holds ${held} allowances of ${year}, trading says ${expected}`,
      );
  }

  surrender(
    year: number,
    account: string,
    jurisdiction: string,
    allowances: number,
    offsets: readonly { issuer: string; projectType: string; used: number }[],
  ): void {
    this.moveAllowances(year, account, `surrender-${jurisdiction}`, allowances, jurisdiction, true);
    for (const o of offsets) {
      if (o.used === 0) continue;
      this.run({
        type: 'SurrenderUnits',
        from: account,
        to: `surrender-${jurisdiction}`,
        complianceYear: year,
        selection: {
          by: 'quantity',
          quantity: o.used,
          jurisdiction: o.issuer as Jurisdiction,
          kind: CREDIT,
          vintage: year,
          projectId: o.projectType,
        },
      });
    }
  }

  /** Year end: everything still held (allowances and credits of the year) lapses, cancelled by the account's jurisdiction. */
  lapse(): void {
    for (const [accountId, account] of Object.entries(this.state.accounts)) {
      if (account.accountType === 'SURRENDER' || account.accountType === 'CANCELLATION') continue;
      for (const p of [...piecesOf(this.state, accountId)]) {
        this.run({
          type: 'CancelUnits',
          from: accountId,
          to: `cancel-${account.jurisdiction}`,
          reason: 'lapsed at year end',
          selection: { by: 'serials', start: p.start, end: p.end },
        });
      }
    }
  }

  /** The ledger's own supply totals for one vintage (all jurisdictions and kinds). */
  totals(year: number): YearTotals {
    let issued = 0;
    let surrendered = 0;
    let cancelled = 0;
    for (const [key, t] of supplyTotals(this.state)) {
      if (!key.endsWith(`|${year}`)) continue;
      if (t.held !== 0 || t.issued !== t.surrendered + t.cancelled + t.retired)
        throw new Error(`registry: ${key} does not balance after the year (${JSON.stringify(t)})`);
      issued += t.issued;
      surrendered += t.surrendered;
      cancelled += t.cancelled;
    }
    return { issued, surrendered, cancelled };
  }
}
