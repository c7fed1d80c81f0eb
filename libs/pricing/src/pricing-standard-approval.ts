import { PRICING_ERRORS, PricingError } from './errors';
import { parsePricingStandard, type PricingStandard } from './standard-schema';
import {
  decideTwoKey,
  evolveTwoKey,
  initialTwoKeyState,
  JOINT_REGULATORS,
  TWO_KEY_REASONS,
  versionInForce,
  type Province,
  type RegulatorDirectory,
  twoKeyEventCodec,
  type TwoKeyState,
} from './two-key-approval';

export type ProposePricingStandard = {
  readonly type: 'ProposePricingStandard';
  readonly version: string;
  /** Raw document: validated with the zod schema on proposal. */
  readonly document: unknown;
  readonly regulator: string;
};
export type ApprovePricingStandard = {
  readonly type: 'ApprovePricingStandard';
  readonly jurisdiction: Province;
  readonly version: string;
  readonly regulator: string;
  readonly effectiveFrom: string;
};
export type PricingStandardCommand = ProposePricingStandard | ApprovePricingStandard;

export type PricingStandardProposed = {
  readonly type: 'PricingStandardProposed';
  readonly version: string;
  readonly document: PricingStandard;
  readonly proposedBy: Province;
  readonly regulator: string;
};
export type PricingStandardApproved = {
  readonly type: 'PricingStandardApproved';
  readonly jurisdiction: Province;
  readonly version: string;
  readonly regulator: string;
  readonly effectiveFrom: string;
};
/** Emitted with the second approval: from `effectiveFrom` this version is the standard in force. */
export type PricingStandardAdopted = {
  readonly type: 'PricingStandardAdopted';
  readonly version: string;
  readonly effectiveFrom: string;
};
export type PricingStandardEvent = PricingStandardProposed | PricingStandardApproved | PricingStandardAdopted;

export type PricingStandardState = TwoKeyState<PricingStandard>;
export const initialPricingStandardState: PricingStandardState = initialTwoKeyState<PricingStandard>();

const PREFIX = 'PRICING';

const { toEvent, toFact } = twoKeyEventCodec<PricingStandardEvent, PricingStandard>({
  proposed: 'PricingStandardProposed',
  approved: 'PricingStandardApproved',
  adopted: 'PricingStandardAdopted',
});

/** Pure decider. Rejections throw `PRICING.<reason>` (UNKNOWN_REGULATOR, WRONG_JURISDICTION, UNKNOWN_VERSION, …). */
export function decidePricingStandard(
  command: PricingStandardCommand,
  state: PricingStandardState,
  regulators: RegulatorDirectory = JOINT_REGULATORS,
): PricingStandardEvent[] {
  const opts = {
    prefix: PREFIX,
    regulators,
    parse: (raw: PricingStandard) => parsePricingStandard(raw),
    versionOf: (d: PricingStandard) => d.version,
  };
  const facts =
    command.type === 'ProposePricingStandard'
      ? decideTwoKey(opts, state, {
          type: 'propose',
          version: command.version,
          document: command.document as PricingStandard,
          regulator: command.regulator,
        })
      : decideTwoKey(opts, state, { ...command, type: 'approve' });
  return facts.map(toEvent);
}

export function evolvePricingStandard(
  state: PricingStandardState,
  event: PricingStandardEvent,
): PricingStandardState {
  return evolveTwoKey(PREFIX, state, toFact(event));
}

export function replayPricingStandard(events: readonly PricingStandardEvent[]): PricingStandardState {
  return events.reduce(evolvePricingStandard, initialPricingStandardState);
}

/** The standard in force on `at` (YYYY-MM-DD or an ISO timestamp), or undefined if none has been adopted by then. */
export function standardInForce(
  events: readonly PricingStandardEvent[],
  at: string,
): PricingStandard | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(at))
    throw new PricingError(PRICING_ERRORS.BAD_PARAMETER, `not an ISO date: ${at}`, { field: 'at' });
  return versionInForce(replayPricingStandard(events), at.slice(0, 10))?.document;
}

/** An adopted version by number; a version approved by one side only → PRICING.NOT_ADOPTED naming who is missing. */
export function requireAdoptedStandard(
  events: readonly PricingStandardEvent[],
  version: string,
): PricingStandard {
  const v = replayPricingStandard(events).versions[version];
  if (!v)
    throw new PricingError(
      `PRICING.${TWO_KEY_REASONS.UNKNOWN_VERSION}`,
      `version ${version} was never proposed`,
      { field: 'version' },
    );
  if (v.adoptedFrom === undefined)
    throw new PricingError(PRICING_ERRORS.NOT_ADOPTED, `version ${version} lacks an approval`, {
      field: 'version',
      awaiting: (['CQ', 'SC'] as const).filter((p) => !v.approvals[p]),
    });
  return v.document;
}

/** As `standardInForce`, but throws PRICING.NO_STANDARD_IN_FORCE: services must not price without one. */
export function requireStandardInForce(events: readonly PricingStandardEvent[], at: string): PricingStandard {
  const doc = standardInForce(events, at);
  if (!doc)
    throw new PricingError(
      PRICING_ERRORS.NO_STANDARD_IN_FORCE,
      `no pricing standard adopted by both provinces on ${at}`,
      {
        field: 'at',
      },
    );
  return doc;
}
