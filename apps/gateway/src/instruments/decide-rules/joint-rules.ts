import { DomainError } from '@app/domain';
import {
  awaitingApproval,
  decideTwoKey,
  evolveTwoKey,
  initialTwoKeyState,
  twoKeyEventCodec,
  type Province,
  type RegulatorDirectory,
  type TwoKeyFact,
  type TwoKeyState,
} from '@app/pricing';
import type { InstrumentRuleChanges } from '@app/contracts';
import { marketDayOf } from '@app/recognition';
import { canonicalJson } from './canonical-json';

/**
 * A decision on the rules of an instrument of the whole market (jurisdiction `NATIONAL`, CCER) on
 * the joint exchange: two keys, as for the pricing standard and the market mode. The first
 * province's regulator proposes it (recorded with its key, not in force); the other province's
 * regulator sending the same decision (same id, content and effective date) adds the second key
 * and the decision is adopted: only then is it an `InstrumentRulesChanged`. The same province again
 * changes nothing; another content under the id is refused.
 */
export interface JointRulesDocument {
  readonly symbol: string;
  /** The decision's id: the two-key version. */
  readonly decisionId: string;
  readonly effectiveFrom: string;
  readonly reference?: string;
  readonly changes: InstrumentRuleChanges;
}

export type JointRulesState = TwoKeyState<JointRulesDocument>;

/** Stored on the `catalogue` stream; each names its instrument (`symbol`). */
export type JointRulesEvent =
  | {
      readonly type: 'InstrumentRulesProposed';
      readonly symbol: string;
      readonly version: string;
      readonly document: JointRulesDocument;
      readonly proposedBy: Province;
      readonly regulator: string;
    }
  | {
      readonly type: 'InstrumentRulesApproved';
      readonly symbol: string;
      readonly jurisdiction: Province;
      readonly version: string;
      readonly regulator: string;
      readonly effectiveFrom: string;
    }
  | {
      readonly type: 'InstrumentRulesAdopted';
      readonly symbol: string;
      readonly version: string;
      readonly effectiveFrom: string;
    };

export const JOINT_RULES_EVENT_TYPES: ReadonlySet<string> = new Set([
  'InstrumentRulesProposed',
  'InstrumentRulesApproved',
  'InstrumentRulesAdopted',
]);

const PREFIX = 'INSTRUMENTS';

const codec = twoKeyEventCodec<JointRulesEvent, JointRulesDocument>({
  proposed: 'InstrumentRulesProposed',
  approved: 'InstrumentRulesApproved',
  adopted: 'InstrumentRulesAdopted',
});

const options = {
  prefix: PREFIX,
  parse: (document: JointRulesDocument) => document,
  versionOf: (document: JointRulesDocument) => document.decisionId,
};

/** The state of one instrument's joint decisions: its events on the catalogue stream, in order. */
export function foldJointRules(events: readonly JointRulesEvent[]): JointRulesState {
  return events.reduce(
    (state, event) => evolveTwoKey(PREFIX, state, codec.toFact(event)),
    initialTwoKeyState<JointRulesDocument>(),
  );
}

/**
 * The events a regulator's decision adds (empty: nothing changes, the same province sent it again).
 * Throws `INSTRUMENTS.DECISION_ID_CONFLICT` for another content under a proposed id, and the two-key
 * refusals (`INSTRUMENTS.UNKNOWN_REGULATOR`, …).
 */
export function decideJointRules(
  state: JointRulesState,
  document: JointRulesDocument,
  regulator: string,
  regulators: RegulatorDirectory,
  effectiveFromMs: number,
): JointRulesEvent[] {
  const version = document.decisionId;
  // Both keys name the market day the decision takes effect on (its content names the instant).
  const day = marketDayOf(effectiveFromMs);
  const approve = (s: JointRulesState, jurisdiction: Province): TwoKeyFact<JointRulesDocument>[] =>
    decideTwoKey({ ...options, regulators }, s, {
      type: 'approve',
      jurisdiction,
      version,
      regulator,
      effectiveFrom: day,
    });
  const proposal = state.versions[version];
  let facts: TwoKeyFact<JointRulesDocument>[];
  if (!proposal) {
    const proposed = decideTwoKey({ ...options, regulators }, state, {
      type: 'propose',
      version,
      document,
      regulator,
    });
    const [first] = proposed as [Extract<TwoKeyFact<JointRulesDocument>, { type: 'proposed' }>];
    const after = proposed.reduce((s, f) => evolveTwoKey(PREFIX, s, f), state);
    facts = [...proposed, ...approve(after, first.proposedBy)];
  } else {
    if (canonicalJson(proposal.document) !== canonicalJson(document))
      throw new DomainError(
        'INSTRUMENTS.DECISION_ID_CONFLICT',
        `decisionId ${version} was proposed with another content or effective date; the other province approves the same decision`,
        { field: 'decisionId' },
      );
    const province = regulators[regulator];
    // An unknown regulator: the two-key decider refuses it, naming the field.
    if (province === undefined) return approve(state, 'CQ').map((f) => toEvent(document.symbol, f));
    if (proposal.approvals[province]) return [];
    facts = approve(state, province);
  }
  return facts.map((f) => toEvent(document.symbol, f));
}

const toEvent = (symbol: string, fact: TwoKeyFact<JointRulesDocument>): JointRulesEvent =>
  ({ ...codec.toEvent(fact), symbol }) as JointRulesEvent;

/** A decision's standing: awaiting the other key, or adopted (in force from its effective date). */
export interface JointRulesStanding {
  readonly status: 'proposed' | 'adopted';
  readonly approvals: Readonly<Partial<Record<Province, string>>>;
  readonly awaiting: readonly Province[];
}

export function jointRulesStanding(state: JointRulesState, decisionId: string): JointRulesStanding {
  const v = state.versions[decisionId];
  const approvals = Object.fromEntries(
    Object.entries(v?.approvals ?? {}).map(([province, a]) => [province, a.regulator]),
  );
  return {
    status: v?.adoptedFrom !== undefined ? 'adopted' : 'proposed',
    approvals,
    awaiting: awaitingApproval(state, decisionId),
  };
}
