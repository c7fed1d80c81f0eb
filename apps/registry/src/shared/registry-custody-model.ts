import { balanceOf, expiredPieces, type LedgerState } from '@app/ledger';
import type { InstrumentCatalogue } from '@app/platform';
import {
  custodyAccountId,
  custodyWithdrawalCommandId,
  registryUnitsOf,
  type RegistryUnits,
} from '../../../exchange/src/custody/instrument-units';
import type { Step } from './registry-random-commands';

/** Instruments custody steps move in CQ; their units (kind, vintage) do not overlap. */
const CUSTODY_INSTRUMENTS = ['CQEA-2024', 'CQEA-2025', 'CQSO2', 'CQWR'] as const;
const CUSTODY = custodyAccountId('CQ');

/**
 * The random-sequence tests' model of CQ-EXCHANGE: per instrument, what deposits put in and
 * releases took out. Custody holds exactly that after every step (an expiry run leaves it
 * alone); a deposit or release moves exactly its quantity between the member and custody; a
 * withdrawal is refused (LEDGER.INSUFFICIENT_UNITS) exactly when it asks more than custody holds;
 * a withdrawal delivered before, released or refused, is a replay and moves nothing.
 */
export class CustodyModel {
  private readonly held = new Map<string, number>(CUSTODY_INSTRUMENTS.map((i) => [i, 0]));
  private readonly units: ReadonlyMap<string, RegistryUnits>;
  /** Withdrawal message ids delivered so far, with whether the first delivery was refused. */
  private readonly delivered = new Map<string, { refused: boolean }>();
  /** What the sequences exercised (the property test asserts each happened). */
  readonly seen = {
    deposited: 0,
    depositRefused: 0,
    released: 0,
    releaseRefused: 0,
    redeliveredAfterRelease: 0,
    redeliveredAfterRefusal: 0,
  };
  /** Expiry runs that found expired units in custody (and so had to leave them there). */
  expiryLeftInCustody = 0;

  /** `ledger`: the state the sequence starts from (custody as the opening steps left it). */
  constructor(catalogue: InstrumentCatalogue, ledger?: LedgerState) {
    this.units = new Map(
      CUSTODY_INSTRUMENTS.map((symbol) => {
        const instrument = catalogue.get(symbol);
        if (!instrument) throw new Error(`unknown instrument ${symbol}`);
        return [symbol, registryUnitsOf(instrument)];
      }),
    );
    if (ledger)
      for (const [symbol, units] of this.units) this.held.set(symbol, balanceOf(ledger, CUSTODY, units));
  }

  /**
   * Checks one step's outcome (`ok`, `replayed` or the refusal's code; its first run, not a retry)
   * against the model and the ledger before and after it, and updates the model. Returns what is
   * broken (empty when all holds).
   */
  check(step: Step, outcome: string, before: LedgerState, after: LedgerState): string[] {
    const broken: string[] = [];
    const moved = (account: string, units: RegistryUnits) =>
      balanceOf(after, account, units) - balanceOf(before, account, units);
    if (step.op === 'custodyDeposit') {
      const units = this.units.get(step.instrument);
      if (outcome === 'ok' && units) {
        this.seen.deposited++;
        this.held.set(step.instrument, (this.held.get(step.instrument) ?? 0) + step.quantity);
        if (moved(step.member, units) !== -step.quantity)
          broken.push(`deposit of ${step.quantity} ${step.instrument} took ${-moved(step.member, units)}`);
      } else if (outcome === 'ok' || outcome === 'replayed')
        broken.push(`deposit of ${step.instrument} by ${step.member} answered ${outcome}`);
      else this.seen.depositRefused++;
    }
    if (step.op === 'custodyRelease') {
      const id = custodyWithdrawalCommandId(step.member, step.reference);
      const units = this.units.get(step.instrument);
      const earlier = this.delivered.get(id);
      if (!units) broken.push(`no custody instrument ${step.instrument}`);
      else if (earlier) {
        this.seen[earlier.refused ? 'redeliveredAfterRefusal' : 'redeliveredAfterRelease']++;
        if (outcome !== 'replayed') broken.push(`redelivered ${id} answered ${outcome}, not a replay`);
      } else {
        const held = this.held.get(step.instrument) ?? 0;
        const refused = held < step.quantity;
        this.delivered.set(id, { refused });
        if (refused) {
          this.seen.releaseRefused++;
          if (outcome !== 'LEDGER.INSUFFICIENT_UNITS')
            broken.push(`${id}: ${step.quantity} of ${held} held answered ${outcome}`);
        } else {
          this.seen.released++;
          this.held.set(step.instrument, held - step.quantity);
          if (outcome !== 'ok') broken.push(`${id}: ${step.quantity} of ${held} held answered ${outcome}`);
          if (moved(step.member, units) !== step.quantity)
            broken.push(`${id} gave ${step.member} ${moved(step.member, units)}, not ${step.quantity}`);
        }
      }
    }
    if (step.op === 'expire' && expiredPieces(after, step.asOfYear).some((p) => p.accountId === CUSTODY))
      this.expiryLeftInCustody++;
    for (const [instrument, units] of this.units) {
      const actual = balanceOf(after, CUSTODY, units);
      // An expiry run leaves custody alone too: the exchange's books hold those units.
      if (actual !== this.held.get(instrument))
        broken.push(
          `custody holds ${actual} ${instrument}, deposits − releases = ${this.held.get(instrument)}`,
        );
    }
    return broken;
  }
}
