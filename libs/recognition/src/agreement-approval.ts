import {
  decideTwoKey,
  evolveTwoKey,
  initialTwoKeyState,
  JOINT_REGULATORS,
  versionInForce,
  type Province,
  type RegulatorDirectory,
  twoKeyEventCodec,
  type TwoKeyState,
} from '@app/pricing';
import { parseRecognitionAgreement, type RecognitionAgreement } from './agreement';
import { RECOGNITION_ERRORS, RecognitionError } from './errors';

export type ProposeRecognitionRules = {
  readonly type: 'ProposeRecognitionRules';
  readonly version: string;
  readonly document: unknown;
  readonly regulator: string;
};
export type ApproveRecognitionRules = {
  readonly type: 'ApproveRecognitionRules';
  readonly jurisdiction: Province;
  readonly version: string;
  readonly regulator: string;
  readonly effectiveFrom: string;
};
export type RecognitionRulesCommand = ProposeRecognitionRules | ApproveRecognitionRules;

export type RecognitionRulesEvent =
  | {
      readonly type: 'RecognitionRulesProposed';
      readonly version: string;
      readonly document: RecognitionAgreement;
      readonly proposedBy: Province;
      readonly regulator: string;
    }
  | {
      readonly type: 'RecognitionRulesApproved';
      readonly jurisdiction: Province;
      readonly version: string;
      readonly regulator: string;
      readonly effectiveFrom: string;
    }
  | { readonly type: 'RecognitionRulesAdopted'; readonly version: string; readonly effectiveFrom: string };

export type RecognitionRulesState = TwoKeyState<RecognitionAgreement>;
export const initialRecognitionRulesState: RecognitionRulesState = initialTwoKeyState<RecognitionAgreement>();

const PREFIX = 'RECOGNITION';

const { toEvent, toFact } = twoKeyEventCodec<RecognitionRulesEvent, RecognitionAgreement>({
  proposed: 'RecognitionRulesProposed',
  approved: 'RecognitionRulesApproved',
  adopted: 'RecognitionRulesAdopted',
});

/** Two-key approval of recognition rules, as for the pricing standard: both regulators, same version, same date. */
export function decideRecognitionRules(
  command: RecognitionRulesCommand,
  state: RecognitionRulesState,
  regulators: RegulatorDirectory = JOINT_REGULATORS,
): RecognitionRulesEvent[] {
  const opts = {
    prefix: PREFIX,
    regulators,
    parse: (raw: RecognitionAgreement) => parseRecognitionAgreement(raw),
    versionOf: (d: RecognitionAgreement) => d.version,
  };
  const facts =
    command.type === 'ProposeRecognitionRules'
      ? decideTwoKey(opts, state, {
          type: 'propose',
          version: command.version,
          document: command.document as RecognitionAgreement,
          regulator: command.regulator,
        })
      : decideTwoKey(opts, state, { ...command, type: 'approve' });
  return facts.map(toEvent);
}

export function evolveRecognitionRules(
  state: RecognitionRulesState,
  event: RecognitionRulesEvent,
): RecognitionRulesState {
  return evolveTwoKey(PREFIX, state, toFact(event));
}

/** The agreement in force on `on` (YYYY-MM-DD), or undefined. */
export function agreementInForce(
  events: readonly RecognitionRulesEvent[],
  on: string,
): RecognitionAgreement | undefined {
  const state = events.reduce(evolveRecognitionRules, initialRecognitionRulesState);
  return versionInForce(state, on.slice(0, 10))?.document;
}

/** As `agreementInForce`, but throws RECOGNITION.NO_AGREEMENT: nothing is recognised without both keys. */
export function requireAgreementInForce(
  events: readonly RecognitionRulesEvent[],
  on: string,
): RecognitionAgreement {
  const a = agreementInForce(events, on);
  if (!a)
    throw new RecognitionError(RECOGNITION_ERRORS.NO_AGREEMENT, `no recognition rules in force on ${on}`, {
      on,
    });
  return a;
}
