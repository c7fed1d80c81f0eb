import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CATALOGUE_STREAM, InstrumentRulesChangedData } from '@app/contracts';
import { AccessDeniedError, DomainError } from '@app/domain';
import { EventStore } from '@app/event-store';
import { JOINT_REGULATORS, type Province, type RegulatorDirectory } from '@app/pricing';
import {
  currentPrincipal,
  effectiveFromMs,
  InstrumentCatalogue,
  InstrumentDefinition,
  rulesDecisionSchema,
  signingRegulators,
} from '@app/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { CatalogueDecisions } from '../catalogue-decisions';
import { canonicalJson } from './canonical-json';
import {
  decideJointRules,
  foldJointRules,
  JOINT_RULES_EVENT_TYPES,
  jointRulesStanding,
  type JointRulesDocument,
  type JointRulesEvent,
} from './joint-rules';

export interface DecisionRecorded {
  decision: InstrumentRulesChangedData;
  /**
   * The instrument's rules from the decision's effective date (for a proposal: as they stand
   * without it).
   */
  rules: InstrumentDefinition;
  /**
   * `adopted`: recorded, in force from its effective date. `proposed`: a decision on the whole
   * market's instrument with one province's key, awaiting the other's (`awaiting`).
   */
  status: 'adopted' | 'proposed';
  /** The whole market's instrument: who signed each province's key. */
  approvals?: Partial<Record<Province, string>>;
  awaiting?: readonly Province[];
}

/** A decision on the whole market's instrument with one province's key, as `GET …/proposals` lists it. */
export interface JointRulesProposal extends JointRulesDocument {
  status: 'proposed' | 'adopted';
  approvals: Partial<Record<Province, string>>;
  awaiting: readonly Province[];
}

/** Who signs a key of a joint decision when no principal acts (the services' own work, access not enforced). */
const INSTRUMENT_REGULATORS: RegulatorDirectory = {
  ...JOINT_REGULATORS,
  'regulator-cq': 'CQ',
  'regulator-sc': 'SC',
};

/**
 * Records a regulator's dated decision on an instrument's rules as an `InstrumentRulesChanged`
 * event. The past is never rewritten: a decision takes effect now or later, and the rules it
 * leaves (with every later decision on top) must be valid. A province's instrument is decided by
 * its regulator alone; the whole market's (`NATIONAL`) takes both provinces' keys (`joint-rules.ts`).
 */
@Injectable()
export class DecideRules {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly catalogue: InstrumentCatalogue,
    private readonly decisions: CatalogueDecisions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async decide(symbol: string, body: unknown): Promise<DecisionRecorded> {
    const instrument = this.catalogue.get(symbol);
    if (!instrument)
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${symbol}`, {
        field: 'symbol',
      });
    // Checked here too, whatever carried the command: a province's instrument is its regulator's.
    const signers = signingRegulators(INSTRUMENT_REGULATORS);
    const principal = currentPrincipal();
    if (
      principal?.role === 'regulator' &&
      instrument.jurisdiction !== 'NATIONAL' &&
      instrument.jurisdiction !== principal.province
    )
      throw new AccessDeniedError(
        `market.rules: a ${principal.province} regulator cannot act for ${instrument.jurisdiction} (${symbol} is ${instrument.jurisdiction}'s)`,
      );
    const parsed = rulesDecisionSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.join('.') || 'body';
      throw new DomainError('INSTRUMENTS.BAD_DECISION', `${field}: ${issue.message}`, { field });
    }
    const { decisionId = randomUUID(), ...request } = parsed.data;
    // The signed-in regulator (the edge put its id in the body); a regulator must be named otherwise.
    const regulator = principal?.id ?? request.regulator;
    if (regulator === undefined)
      throw new DomainError('INSTRUMENTS.BAD_DECISION', 'regulator: required', { field: 'regulator' });
    const now = this.clock.now();
    const decision: InstrumentRulesChangedData = {
      symbol,
      decisionId,
      regulator,
      effectiveFrom: request.effectiveFrom,
      effectiveFromMs: effectiveFromMs(request.effectiveFrom),
      ...(request.reference === undefined ? {} : { reference: request.reference }),
      changes: request.changes,
      decidedAt: now,
    };
    if (decision.effectiveFromMs < now)
      throw new DomainError('INSTRUMENTS.EFFECTIVE_IN_PAST', 'effectiveFrom must not be in the past', {
        field: 'effectiveFrom',
      });
    if (instrument.jurisdiction === 'NATIONAL') return this.decideJointly(decision, signers);

    const recorded = await this.dataSource.transaction(async (manager) => {
      const version = await this.decisions.refresh(manager);
      const earlier = this.catalogue.decisionsOf(symbol).find((d) => d.decisionId === decisionId);
      if (earlier) return this.replayed(earlier, decision, true);
      this.checkRules(decision);
      await this.store.append(CATALOGUE_STREAM, version, [this.changed(decision)], { manager });
      return decision;
    });
    return this.recorded(recorded);
  }

  /**
   * The whole market's instrument: the first province's key proposes (recorded, not in force), the
   * other province's key on the same decision adopts it. Proposal, keys and the decision in force
   * are events of the `catalogue` stream, appended under its version in one transaction.
   */
  private async decideJointly(
    decision: InstrumentRulesChangedData,
    signers: RegulatorDirectory,
  ): Promise<DecisionRecorded> {
    const { symbol, decisionId } = decision;
    const document: JointRulesDocument = {
      symbol,
      decisionId,
      effectiveFrom: decision.effectiveFrom,
      ...(decision.reference === undefined ? {} : { reference: decision.reference }),
      changes: decision.changes,
    };
    const outcome = await this.dataSource.transaction(async (manager) => {
      const version = await this.decisions.refresh(manager);
      const earlier = this.catalogue.decisionsOf(symbol).find((d) => d.decisionId === decisionId);
      const recordedEvents = await this.jointEventsOf(symbol, manager);
      const state = foldJointRules(recordedEvents);
      // Adopted already: either province sending it again gets the decision in force.
      if (earlier) return { state, adopted: this.replayed(earlier, decision, false) };
      const events = decideJointRules(state, document, decision.regulator, signers, decision.effectiveFromMs);
      const after = foldJointRules([...recordedEvents, ...events]);
      // Nothing new (the same province again): the proposal as it stands.
      if (events.length === 0) return { state, adopted: undefined };
      this.checkRules(decision);
      const standing = jointRulesStanding(after, decisionId);
      const adopted: InstrumentRulesChangedData | undefined =
        standing.status === 'adopted' ? { ...decision, approvals: standing.approvals } : undefined;
      await this.store.append(
        CATALOGUE_STREAM,
        version,
        [
          ...events.map(({ type, ...data }) => ({
            type,
            data,
            metadata: { commandId: `decide:${decisionId}:${type}`, actor: decision.regulator },
          })),
          ...(adopted ? [this.changed(adopted)] : []),
        ],
        { manager },
      );
      return { state: after, adopted };
    });
    const standing = jointRulesStanding(outcome.state, decisionId);
    if (outcome.adopted)
      return { ...(await this.recorded(outcome.adopted)), approvals: standing.approvals, awaiting: [] };
    const proposal = outcome.state.versions[decisionId];
    const proposer = Object.values(proposal?.approvals ?? {})[0]?.regulator ?? decision.regulator;
    return {
      decision: { ...decision, regulator: proposer },
      rules: this.catalogue.rulesAt(symbol, decision.effectiveFromMs)!,
      status: 'proposed',
      approvals: standing.approvals,
      awaiting: standing.awaiting,
    };
  }

  /**
   * Decisions on the whole market's instrument awaiting the other province's key, oldest first: what
   * the second regulator reviews before sending the same decision. Adopted ones are in `decisionsOf`;
   * one whose effective instant has passed can no longer be approved and is not listed.
   */
  async proposals(symbol: string): Promise<JointRulesProposal[]> {
    const state = foldJointRules(await this.jointEventsOf(symbol, this.dataSource.manager));
    const adopted = new Set(this.catalogue.decisionsOf(symbol).map((d) => d.decisionId));
    const now = this.clock.now();
    return Object.values(state.versions)
      .filter((v) => v.adoptedFrom === undefined && !adopted.has(v.document.decisionId))
      .filter((v) => effectiveFromMs(v.document.effectiveFrom) > now)
      .map((v) => {
        const { status, approvals, awaiting } = jointRulesStanding(state, v.document.decisionId);
        return { ...v.document, status, approvals, awaiting };
      });
  }

  /** The joint decisions' events of one instrument on the catalogue stream, in order. */
  private async jointEventsOf(symbol: string, manager: EntityManager): Promise<JointRulesEvent[]> {
    const events = await this.store.readStream<{ type: string; data: { symbol?: string } }>(
      CATALOGUE_STREAM,
      { manager },
    );
    return events
      .filter((e) => JOINT_RULES_EVENT_TYPES.has(e.type) && e.data.symbol === symbol)
      .map((e) => ({ ...e.data, type: e.type }) as JointRulesEvent);
  }

  private checkRules(decision: InstrumentRulesChangedData): void {
    const invalid = this.catalogue.validateDecision(decision);
    if (invalid)
      throw new DomainError('INSTRUMENTS.INVALID_RULES', invalid.message, { field: invalid.field });
  }

  private changed(decision: InstrumentRulesChangedData) {
    return {
      type: 'InstrumentRulesChanged',
      data: decision,
      metadata: { commandId: `decide:${decision.decisionId}`, actor: decision.regulator },
    };
  }

  private async recorded(recorded: InstrumentRulesChangedData): Promise<DecisionRecorded> {
    this.catalogue.apply(recorded);
    // In force at once: the book need not wait for the next tick.
    if (recorded.effectiveFromMs <= this.clock.now()) await this.decisions.dispatchDue();
    return {
      decision: recorded,
      rules: this.catalogue.rulesAt(recorded.symbol, recorded.effectiveFromMs)!,
      status: 'adopted',
    };
  }

  /**
   * The same decision sent again gets the first answer; another body under its id is refused. A
   * joint decision (`bySigner` false) is the same whichever province's regulator sends it again.
   */
  private replayed(
    earlier: InstrumentRulesChangedData,
    now: InstrumentRulesChangedData,
    bySigner: boolean,
  ): InstrumentRulesChangedData {
    const same = (d: InstrumentRulesChangedData) =>
      canonicalJson([
        d.symbol,
        bySigner ? d.regulator : null,
        d.effectiveFrom,
        d.reference ?? null,
        d.changes,
      ]);
    if (same(earlier) !== same(now))
      throw new DomainError(
        'INSTRUMENTS.DECISION_ID_CONFLICT',
        `decisionId ${now.decisionId} was already used for another decision`,
        { field: 'decisionId' },
      );
    return earlier;
  }
}

export { canonicalJson } from './canonical-json';
