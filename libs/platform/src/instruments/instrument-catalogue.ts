import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstrumentRulesChangedData } from '@app/contracts';
import { z } from 'zod';
import {
  instrumentSchema,
  ruleFieldsSchema,
  type InstrumentDefinition,
  type RuleChanges,
} from './instrument-rules';
import { tradingHoursSchema } from './trading-hours';

/** The file: catalogue-wide defaults (hours, sell limit), then instruments that may override them. */
const catalogueFileSchema = z.strictObject({
  $comment: z.string().optional(),
  sessions: tradingHoursSchema,
  freeAllocationSellLimit: ruleFieldsSchema.shape.freeAllocationSellLimit.optional(),
  instruments: z.array(z.record(z.string(), z.unknown())).min(1),
});

export type InstrumentCatalogueFile = z.infer<typeof catalogueFileSchema>;

const DEFAULT_SELL_LIMIT = { enabled: false, maxShareBp: 5000 };

/**
 * A dated rule change that does not come from a decision on this instrument: the class default of
 * the pricing standard in force (`pricing-standard`) or the previous day's close becoming the
 * reference price (`closing-price`). Applied with the regulator's decisions in effective order.
 */
export interface DerivedRuleChange {
  /** Unique per symbol and source, e.g. `pricing-standard:2026.2` or `close:2026-11-24#3`. */
  readonly id: string;
  readonly symbol: string;
  readonly source: 'pricing-standard' | 'closing-price';
  readonly effectiveFromMs: number;
  readonly changes: RuleChanges;
}

/**
 * Precedence on the same effective instant: the standard's class default first, then the close,
 * then a decision on the instrument itself, so the most specific rule wins; otherwise later wins.
 */
const RANK = { 'pricing-standard': 0, 'closing-price': 1, decision: 2 } as const;

interface TimelineEntry {
  readonly effectiveFromMs: number;
  readonly rank: number;
  readonly changes: RuleChanges;
}

/** The rules of one instrument over [fromMs, toMs): rulesAt's answer while the clock stays inside. */
interface CachedRules {
  readonly fromMs: number;
  readonly toMs: number;
  readonly rules: InstrumentDefinition;
}

/**
 * Every tradable right and its rules. The seed is the state at listing; after that the rules
 * change only by a regulator's dated decision (`InstrumentRulesChanged`), applied on top of the
 * seed in order of effective date, so the rules in force at any instant can be asked for, also
 * for a replay of the past.
 */
export class InstrumentCatalogue {
  private readonly seed: ReadonlyMap<string, InstrumentDefinition>;
  private readonly decisions = new Map<string, InstrumentRulesChangedData[]>();
  private readonly derived = new Map<string, DerivedRuleChange[]>();
  /** Decisions and derived changes of each symbol, in the order they apply. */
  private readonly timelines = new Map<string, TimelineEntry[]>();
  private readonly cache = new Map<string, CachedRules>();

  constructor(instruments: readonly InstrumentDefinition[]) {
    this.seed = new Map(instruments.map((i) => [i.symbol, i]));
    if (this.seed.size !== instruments.length) {
      const seen = new Set<string>();
      const duplicate = instruments.find((i) => seen.size === seen.add(i.symbol).size);
      throw new Error(`Instrument catalogue: duplicate symbol ${duplicate?.symbol}`);
    }
  }

  static parse(json: unknown, source = 'instrument catalogue'): InstrumentCatalogue {
    const file = catalogueFileSchema.safeParse(json);
    if (!file.success) throw new Error(`${source} is invalid: ${describeIssues(file.error.issues)}`);
    const { sessions, freeAllocationSellLimit = DEFAULT_SELL_LIMIT } = file.data;
    const problems: string[] = [];
    const instruments = file.data.instruments.flatMap((raw, index) => {
      const result = instrumentSchema.safeParse({ hours: sessions, freeAllocationSellLimit, ...raw });
      if (result.success) return [result.data];
      const name = typeof raw.symbol === 'string' ? raw.symbol : `#${index}`;
      problems.push(`instrument ${name} (instruments.${index}): ${describeIssues(result.error.issues)}`);
      return [];
    });
    if (problems.length > 0) throw new Error(`${source} is invalid: ${problems.join('; ')}`);
    return new InstrumentCatalogue(instruments);
  }

  static load(seedsDir = 'seeds'): InstrumentCatalogue {
    const path = join(seedsDir, 'instruments.json');
    return InstrumentCatalogue.parse(JSON.parse(readFileSync(path, 'utf8')), path);
  }

  /** The instrument as listed in the seed (before any decision). Undefined if unknown. */
  get(symbol: string): InstrumentDefinition | undefined {
    return this.seed.get(symbol);
  }

  /** Every instrument as listed in the seed. */
  list(): readonly InstrumentDefinition[] {
    return [...this.seed.values()];
  }

  /**
   * The rules in force at `atMs`: the seed, then every decision and derived change (standard class
   * default, previous close) effective by then, in effective order (see RANK for ties).
   */
  rulesAt(symbol: string, atMs: number): InstrumentDefinition | undefined {
    const cached = this.cache.get(symbol);
    if (cached && atMs >= cached.fromMs && atMs < cached.toMs) return cached.rules;
    const seed = this.seed.get(symbol);
    if (!seed) return undefined;
    let rules = seed;
    let fromMs = Number.NEGATIVE_INFINITY;
    let toMs = Number.POSITIVE_INFINITY;
    for (const entry of this.timelines.get(symbol) ?? []) {
      if (entry.effectiveFromMs > atMs) {
        toMs = entry.effectiveFromMs;
        break;
      }
      rules = { ...rules, ...entry.changes };
      fromMs = entry.effectiveFromMs;
    }
    this.cache.set(symbol, { fromMs, toMs, rules });
    return rules;
  }

  listAt(atMs: number): InstrumentDefinition[] {
    return [...this.seed.keys()].map((s) => this.rulesAt(s, atMs)!);
  }

  /** Decisions recorded for an instrument, in order of effective date. */
  decisionsOf(symbol: string): readonly InstrumentRulesChangedData[] {
    return this.decisions.get(symbol) ?? [];
  }

  /**
   * Checks a decision against the instrument as it would stand from its effective date and every
   * later decision: returns the name of the first invalid field path with the reason, or null.
   */
  validateDecision(decision: Pick<InstrumentRulesChangedData, 'symbol' | 'changes' | 'effectiveFromMs'>) {
    const base = this.rulesAt(decision.symbol, decision.effectiveFromMs);
    if (!base) return { field: 'symbol', message: `unknown instrument ${decision.symbol}` };
    const after = [{ changes: decision.changes }, ...this.later(decision.symbol, decision.effectiveFromMs)];
    let rules: InstrumentDefinition = base;
    for (const d of after) {
      const result = instrumentSchema.safeParse({ ...rules, ...d.changes });
      if (!result.success) {
        const issue = result.error.issues[0];
        return { field: `changes.${issue.path.join('.')}`, message: issue.message };
      }
      rules = result.data;
    }
    return null;
  }

  /** Records a decision (idempotent by decision id); keeps each instrument's list in effective order. */
  apply(decision: InstrumentRulesChangedData): void {
    if (!this.seed.has(decision.symbol)) throw new Error(`unknown instrument ${decision.symbol}`);
    const list = this.decisions.get(decision.symbol) ?? [];
    if (list.some((d) => d.decisionId === decision.decisionId)) return;
    list.push(decision);
    // Stable: two decisions with one effective date apply in the order they were recorded.
    list.sort((a, b) => a.effectiveFromMs - b.effectiveFromMs);
    this.decisions.set(decision.symbol, list);
    this.rebuildTimeline(decision.symbol);
  }

  /** Records a derived change (idempotent by id): a standard's class default or a close as the reference. */
  applyDerived(change: DerivedRuleChange): void {
    if (!this.seed.has(change.symbol)) throw new Error(`unknown instrument ${change.symbol}`);
    const list = this.derived.get(change.symbol) ?? [];
    if (list.some((d) => d.id === change.id)) return;
    list.push(change);
    this.derived.set(change.symbol, list);
    this.rebuildTimeline(change.symbol);
  }

  /** Derived changes recorded for an instrument, in the order they were recorded. */
  derivedOf(symbol: string): readonly DerivedRuleChange[] {
    return this.derived.get(symbol) ?? [];
  }

  private rebuildTimeline(symbol: string): void {
    const entries: TimelineEntry[] = [
      ...(this.derived.get(symbol) ?? []).map((d) => ({ ...d, rank: RANK[d.source] })),
      ...(this.decisions.get(symbol) ?? []).map((d) => ({ ...d, rank: RANK.decision })),
    ];
    // Stable: within one instant and rank, the order of recording.
    entries.sort((a, b) => a.effectiveFromMs - b.effectiveFromMs || a.rank - b.rank);
    this.timelines.set(symbol, entries);
    this.cache.delete(symbol);
  }

  private later(symbol: string, fromMs: number): readonly TimelineEntry[] {
    return (this.timelines.get(symbol) ?? []).filter((d) => d.effectiveFromMs > fromMs);
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
