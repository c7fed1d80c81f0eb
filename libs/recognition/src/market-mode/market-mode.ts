import { z } from 'zod';
import { checkExchangeRatio, DomainError, ONE_FOR_ONE, type ExchangeRatio } from '@app/domain';
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

/**
 * The joint carbon market's mode, chosen by both regulators in a dated decision (two keys, as
 * for the pricing standard and the recognition rules):
 * - `separate`: two markets; allowances and credits stay in their province;
 * - `recognition-only`: credits cross by the recognition rules; allowances do not;
 * - `linked`: allowances of both provinces are fungible at `exchangeRatio` and trade in one
 *   book per vintage; a surrender in one province accepts the other's allowances.
 * Before any decision the markets are separate.
 */
export const MARKET_MODES = ['separate', 'recognition-only', 'linked'] as const;
export type MarketMode = (typeof MARKET_MODES)[number];

export interface MarketModeDecision {
  readonly version: string;
  readonly mode: MarketMode;
  /** Allowances of each province per linked unit; one-for-one when absent. Linked mode only. */
  readonly exchangeRatio?: ExchangeRatio;
  readonly note?: string;
}

const ratioSchema = z.strictObject({ CQ: z.number().int(), SC: z.number().int() });
const decisionSchema = z.strictObject({
  version: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'letters, digits, . _ - (1 to 40)'),
  mode: z.enum(MARKET_MODES),
  exchangeRatio: ratioSchema.optional(),
  note: z.string().max(500).optional(),
});

/** Validates a proposed decision; MARKET.INVALID_DECISION names the field. */
export function parseMarketModeDecision(raw: unknown): MarketModeDecision {
  const parsed = decisionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['document', ...issue.path].join('.');
    throw new DomainError('MARKET.INVALID_DECISION', `${field}: ${issue.message}`, { field });
  }
  const d = parsed.data;
  if (d.exchangeRatio && d.mode !== 'linked')
    throw new DomainError('MARKET.INVALID_DECISION', 'exchangeRatio applies to linked markets only', {
      field: 'document.exchangeRatio',
    });
  if (d.exchangeRatio) checkExchangeRatio(d.exchangeRatio, 'document.exchangeRatio');
  return d;
}

export type MarketModeCommand =
  | { readonly type: 'ProposeMarketMode'; readonly document: unknown; readonly regulator: string }
  | {
      readonly type: 'ApproveMarketMode';
      readonly jurisdiction: Province;
      readonly version: string;
      readonly regulator: string;
      readonly effectiveFrom: string;
    };

export type MarketModeEvent =
  | {
      readonly type: 'MarketModeProposed';
      readonly version: string;
      readonly document: MarketModeDecision;
      readonly proposedBy: Province;
      readonly regulator: string;
    }
  | {
      readonly type: 'MarketModeApproved';
      readonly jurisdiction: Province;
      readonly version: string;
      readonly regulator: string;
      readonly effectiveFrom: string;
    }
  | { readonly type: 'MarketModeAdopted'; readonly version: string; readonly effectiveFrom: string };

export type MarketModeState = TwoKeyState<MarketModeDecision>;
export const initialMarketModeState: MarketModeState = initialTwoKeyState<MarketModeDecision>();

const PREFIX = 'MARKET';

const { toEvent, toFact } = twoKeyEventCodec<MarketModeEvent, MarketModeDecision>({
  proposed: 'MarketModeProposed',
  approved: 'MarketModeApproved',
  adopted: 'MarketModeAdopted',
});

/** Events of a command (throws `MARKET.<reason>` and changes nothing when refused). */
export function decideMarketMode(
  state: MarketModeState,
  command: MarketModeCommand,
  regulators: RegulatorDirectory = JOINT_REGULATORS,
): MarketModeEvent[] {
  const opts = {
    prefix: PREFIX,
    regulators,
    parse: (raw: MarketModeDecision) => parseMarketModeDecision(raw),
    versionOf: (d: MarketModeDecision) => d.version,
  };
  if (command.type === 'ProposeMarketMode') {
    const version = (command.document as { version?: unknown } | null)?.version;
    return decideTwoKey(opts, state, {
      type: 'propose',
      version: typeof version === 'string' ? version : '',
      document: command.document as MarketModeDecision,
      regulator: command.regulator,
    }).map(toEvent);
  }
  return decideTwoKey(opts, state, { ...command, type: 'approve' }).map(toEvent);
}

export function evolveMarketMode(state: MarketModeState, event: MarketModeEvent): MarketModeState {
  return evolveTwoKey(PREFIX, state, toFact(event));
}

export const foldMarketMode = (events: readonly MarketModeEvent[]): MarketModeState =>
  events.reduce(evolveMarketMode, initialMarketModeState);

/** The mode in force on a day, with the decision that set it (none: separate markets). */
export interface MarketModeInForce {
  readonly mode: MarketMode;
  readonly exchangeRatio: ExchangeRatio;
  readonly version?: string;
  readonly effectiveFrom?: string;
}

/** The market day (Beijing, UTC+8, no daylight saving) of an instant: decisions take effect at its 00:00. */
export function marketDayOf(epochMs: number): string {
  // Howard Hinnant's civil_from_days, without Date (the pure core reads no calendar of its own).
  const z = Math.floor((epochMs + 8 * 3_600_000) / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function marketModeOn(state: MarketModeState, day: string): MarketModeInForce {
  const v = versionInForce(state, day.slice(0, 10));
  if (!v) return { mode: 'separate', exchangeRatio: ONE_FOR_ONE };
  return {
    mode: v.document.mode,
    exchangeRatio: v.document.exchangeRatio ?? ONE_FOR_ONE,
    version: v.version,
    effectiveFrom: v.adoptedFrom,
  };
}

/**
 * The mode in force on `day` when credits may cross provinces (recognition-only or linked); under
 * separate markets throws RECOGNITION.MARKETS_SEPARATE: no recognition request is accepted.
 */
export function requireCreditsCross(state: MarketModeState, day: string): MarketModeInForce {
  const inForce = marketModeOn(state, day);
  if (inForce.mode === 'separate')
    throw new DomainError(
      'RECOGNITION.MARKETS_SEPARATE',
      `credits cross provinces only while the regulators' market mode is recognition-only or linked; on ${day.slice(0, 10)} the markets are separate`,
      { field: 'destination', mode: inForce.mode, on: day.slice(0, 10) },
    );
  return inForce;
}

export interface MarketModeRecord {
  readonly version: string;
  readonly mode: MarketMode;
  readonly exchangeRatio: ExchangeRatio;
  readonly approvals: Readonly<Partial<Record<Province, { regulator: string; effectiveFrom: string }>>>;
  /** Set once both regulators approved: the day the decision takes effect. */
  readonly effectiveFrom?: string;
  readonly status: 'proposed' | 'adopted';
}

/** Every decision ever proposed: adopted ones in the order they apply, then those awaiting a key. */
export function marketModeHistory(state: MarketModeState): MarketModeRecord[] {
  const records = Object.values(state.versions).map((v): MarketModeRecord & { seq: number } => ({
    version: v.version,
    mode: v.document.mode,
    exchangeRatio: v.document.exchangeRatio ?? ONE_FOR_ONE,
    approvals: v.approvals,
    ...(v.adoptedFrom !== undefined ? { effectiveFrom: v.adoptedFrom } : {}),
    status: v.adoptedFrom !== undefined ? 'adopted' : 'proposed',
    seq: v.adoptionSeq ?? Number.MAX_SAFE_INTEGER,
  }));
  const key = (r: { effectiveFrom?: string }) => r.effectiveFrom ?? '9999-99-99';
  return records
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.seq - b.seq))
    .map(({ seq: _seq, ...r }) => r);
}
