import { DomainError } from '@app/domain';

/**
 * Two-key approval, shared by the pricing standard and the recognition rules: a versioned document
 * takes effect only once BOTH provinces' regulators have approved the same version with the same
 * effective date. Facts here are neutral; each lib names its own events.
 */
export const PROVINCES = ['CQ', 'SC'] as const;
export type Province = (typeof PROVINCES)[number];

/** regulatorId → the province whose regulator it is. */
export type RegulatorDirectory = Readonly<Record<string, Province>>;

/** 重庆市生态环境局 and 四川省生态环境厅. */
export const JOINT_REGULATORS: RegulatorDirectory = { 'CQ-EEB': 'CQ', 'SC-DEE': 'SC' };

export const TWO_KEY_REASONS = {
  UNKNOWN_REGULATOR: 'UNKNOWN_REGULATOR',
  WRONG_JURISDICTION: 'WRONG_JURISDICTION',
  VERSION_EXISTS: 'VERSION_EXISTS',
  VERSION_MISMATCH: 'VERSION_MISMATCH',
  UNKNOWN_VERSION: 'UNKNOWN_VERSION',
  ALREADY_APPROVED: 'ALREADY_APPROVED',
  EFFECTIVE_DATE_MISMATCH: 'EFFECTIVE_DATE_MISMATCH',
  BAD_DATE: 'BAD_DATE',
  NOT_ADOPTED: 'NOT_ADOPTED',
  STALE_EVENT: 'STALE_EVENT',
} as const;
export type TwoKeyReason = (typeof TWO_KEY_REASONS)[keyof typeof TWO_KEY_REASONS];

export type TwoKeyCommand<D> =
  | { readonly type: 'propose'; readonly version: string; readonly document: D; readonly regulator: string }
  | {
      readonly type: 'approve';
      readonly jurisdiction: Province;
      readonly version: string;
      readonly regulator: string;
      readonly effectiveFrom: string;
    };

export type TwoKeyFact<D> =
  | {
      readonly type: 'proposed';
      readonly version: string;
      readonly document: D;
      readonly proposedBy: Province;
      readonly regulator: string;
    }
  | {
      readonly type: 'approved';
      readonly jurisdiction: Province;
      readonly version: string;
      readonly regulator: string;
      readonly effectiveFrom: string;
    }
  | { readonly type: 'adopted'; readonly version: string; readonly effectiveFrom: string };

/** The stored event names of one two-key document (e.g. `PricingStandardProposed`, …). */
export interface TwoKeyEventNames<P extends string, A extends string, D extends string> {
  readonly proposed: P;
  readonly approved: A;
  readonly adopted: D;
}

/** Maps the generic facts to a document's own stored events and back. */
export function twoKeyEventCodec<E extends { readonly type: string }, D>(
  names: TwoKeyEventNames<string, string, string>,
): { toEvent(fact: TwoKeyFact<D>): E; toFact(event: E): TwoKeyFact<D> } {
  const factOf = new Map<string, TwoKeyFact<D>['type']>([
    [names.proposed, 'proposed'],
    [names.approved, 'approved'],
    [names.adopted, 'adopted'],
  ]);
  return {
    toEvent: (fact) => ({ ...fact, type: names[fact.type] }) as unknown as E,
    toFact: (event) => ({ ...event, type: factOf.get(event.type) }) as unknown as TwoKeyFact<D>,
  };
}

export interface Approval {
  readonly regulator: string;
  readonly effectiveFrom: string;
}

export interface VersionState<D> {
  readonly version: string;
  readonly document: D;
  readonly approvals: Readonly<Partial<Record<Province, Approval>>>;
  readonly adoptedFrom?: string;
  /** Order of adoption: breaks ties between versions effective on the same day (later wins). */
  readonly adoptionSeq?: number;
}

export interface TwoKeyState<D> {
  readonly versions: Readonly<Record<string, VersionState<D>>>;
  readonly adoptions: number;
}

export const initialTwoKeyState = <D>(): TwoKeyState<D> => ({ versions: {}, adoptions: 0 });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface TwoKeyOptions<D> {
  /** Error code prefix: `PRICING` → `PRICING.ALREADY_APPROVED`. */
  readonly prefix: string;
  readonly regulators: RegulatorDirectory;
  /** Validates a proposed document and returns the parsed form (throws on invalid). */
  readonly parse: (raw: D) => D;
  /** The version the document itself states. */
  readonly versionOf: (doc: D) => string;
}

function fail(
  prefix: string,
  reason: TwoKeyReason,
  message: string,
  details: Record<string, unknown>,
): never {
  throw new DomainError(`${prefix}.${reason}`, message, details);
}

/** Decide the facts a command produces; throws `<prefix>.<reason>` and changes nothing when rejected. */
export function decideTwoKey<D>(
  opts: TwoKeyOptions<D>,
  state: TwoKeyState<D>,
  cmd: TwoKeyCommand<D>,
): TwoKeyFact<D>[] {
  const { prefix } = opts;
  const province = opts.regulators[cmd.regulator];
  if (province === undefined)
    fail(prefix, 'UNKNOWN_REGULATOR', `unknown regulator ${cmd.regulator}`, { field: 'regulator' });
  if (cmd.type === 'propose') {
    if (state.versions[cmd.version])
      fail(prefix, 'VERSION_EXISTS', `version ${cmd.version} already proposed`, { field: 'version' });
    const document = opts.parse(cmd.document);
    if (opts.versionOf(document) !== cmd.version)
      fail(prefix, 'VERSION_MISMATCH', `document states version ${opts.versionOf(document)}`, {
        field: 'document.version',
      });
    return [
      { type: 'proposed', version: cmd.version, document, proposedBy: province, regulator: cmd.regulator },
    ];
  }
  if (cmd.jurisdiction !== province)
    fail(
      prefix,
      'WRONG_JURISDICTION',
      `${cmd.regulator} is ${province}'s regulator, not ${cmd.jurisdiction}'s`,
      {
        field: 'jurisdiction',
      },
    );
  if (!ISO_DATE.test(cmd.effectiveFrom))
    fail(prefix, 'BAD_DATE', `effectiveFrom must be YYYY-MM-DD`, { field: 'effectiveFrom' });
  const v = state.versions[cmd.version];
  if (!v) fail(prefix, 'UNKNOWN_VERSION', `version ${cmd.version} was never proposed`, { field: 'version' });
  if (v.approvals[cmd.jurisdiction])
    fail(prefix, 'ALREADY_APPROVED', `${cmd.jurisdiction} already approved ${cmd.version}`, {
      field: 'version',
    });
  const other = PROVINCES.find((p) => p !== cmd.jurisdiction) as Province;
  const theirs = v.approvals[other];
  if (theirs && theirs.effectiveFrom !== cmd.effectiveFrom)
    fail(
      prefix,
      'EFFECTIVE_DATE_MISMATCH',
      `${other} approved ${cmd.version} from ${theirs.effectiveFrom}, not ${cmd.effectiveFrom}`,
      { field: 'effectiveFrom' },
    );
  const approved: TwoKeyFact<D> = {
    type: 'approved',
    jurisdiction: cmd.jurisdiction,
    version: cmd.version,
    regulator: cmd.regulator,
    effectiveFrom: cmd.effectiveFrom,
  };
  return theirs
    ? [approved, { type: 'adopted', version: cmd.version, effectiveFrom: cmd.effectiveFrom }]
    : [approved];
}

/** Apply one fact; refuses facts inconsistent with the state (`<prefix>.STALE_EVENT`), so replays are checked too. */
export function evolveTwoKey<D>(prefix: string, state: TwoKeyState<D>, fact: TwoKeyFact<D>): TwoKeyState<D> {
  const v = state.versions[fact.version];
  const stale = (why: string): never =>
    fail(prefix, 'STALE_EVENT', why, { field: 'version', version: fact.version });
  switch (fact.type) {
    case 'proposed':
      if (v) stale('version already proposed');
      return {
        ...state,
        versions: {
          ...state.versions,
          [fact.version]: { version: fact.version, document: fact.document, approvals: {} },
        },
      };
    case 'approved': {
      if (!v || v.approvals[fact.jurisdiction])
        return stale('approval of an unknown or already approved version');
      const approvals = {
        ...v.approvals,
        [fact.jurisdiction]: { regulator: fact.regulator, effectiveFrom: fact.effectiveFrom },
      };
      return { ...state, versions: { ...state.versions, [fact.version]: { ...v, approvals } } };
    }
    case 'adopted': {
      const both = v && PROVINCES.every((p) => v.approvals[p]?.effectiveFrom === fact.effectiveFrom);
      if (!v || !both || v.adoptedFrom !== undefined) return stale('adoption without both approvals');
      const adoptions = state.adoptions + 1;
      return {
        adoptions,
        versions: {
          ...state.versions,
          [fact.version]: { ...v, adoptedFrom: fact.effectiveFrom, adoptionSeq: adoptions },
        },
      };
    }
  }
}

/** The adopted version in force on `at` (YYYY-MM-DD): latest effective date ≤ at, later adoption on ties. */
export function versionInForce<D>(state: TwoKeyState<D>, at: string): VersionState<D> | undefined {
  let best: VersionState<D> | undefined;
  for (const v of Object.values(state.versions)) {
    if (v.adoptedFrom === undefined || v.adoptedFrom > at) continue;
    if (
      !best ||
      v.adoptedFrom > (best.adoptedFrom as string) ||
      (v.adoptedFrom === best.adoptedFrom && (v.adoptionSeq ?? 0) > (best.adoptionSeq ?? 0))
    )
      best = v;
  }
  return best;
}

/** Provinces still to approve a version (empty once adopted). */
export function awaitingApproval<D>(state: TwoKeyState<D>, version: string): Province[] {
  const v = state.versions[version];
  if (!v) return [...PROVINCES];
  return PROVINCES.filter((p) => !v.approvals[p]);
}
