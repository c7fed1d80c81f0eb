import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CATALOGUE_STREAM, InstrumentRulesChangedData } from '@app/contracts';
import { AccessDeniedError, DomainError } from '@app/domain';
import { EventStore } from '@app/event-store';
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

export interface DecisionRecorded {
  decision: InstrumentRulesChangedData;
  /** The instrument's rules from the decision's effective date. */
  rules: InstrumentDefinition;
}

/**
 * Records a regulator's dated decision on an instrument's rules as an `InstrumentRulesChanged`
 * event. The past is never rewritten: a decision takes effect now or later, and the rules it
 * leaves (with every later decision on top) must be valid.
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
    signingRegulators({});
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

    const recorded = await this.dataSource.transaction(async (manager) => {
      const version = await this.decisions.refresh(manager);
      const earlier = this.catalogue.decisionsOf(symbol).find((d) => d.decisionId === decisionId);
      if (earlier) return this.replayed(earlier, decision);
      const invalid = this.catalogue.validateDecision(decision);
      if (invalid)
        throw new DomainError('INSTRUMENTS.INVALID_RULES', invalid.message, { field: invalid.field });
      await this.store.append(
        CATALOGUE_STREAM,
        version,
        [
          {
            type: 'InstrumentRulesChanged',
            data: decision,
            metadata: { commandId: `decide:${decisionId}`, actor: decision.regulator },
          },
        ],
        { manager },
      );
      return decision;
    });
    this.catalogue.apply(recorded);
    // In force at once: the book need not wait for the next tick.
    if (recorded.effectiveFromMs <= this.clock.now()) await this.decisions.dispatchDue();
    return { decision: recorded, rules: this.catalogue.rulesAt(symbol, recorded.effectiveFromMs)! };
  }

  /** The same decision sent again gets the first answer; another body under its id is refused. */
  private replayed(
    earlier: InstrumentRulesChangedData,
    now: InstrumentRulesChangedData,
  ): InstrumentRulesChangedData {
    const same = (d: InstrumentRulesChangedData) =>
      canonicalJson([d.symbol, d.regulator, d.effectiveFrom, d.reference ?? null, d.changes]);
    if (same(earlier) !== same(now))
      throw new DomainError(
        'INSTRUMENTS.DECISION_ID_CONFLICT',
        `decisionId ${now.decisionId} was already used for another decision`,
        { field: 'decisionId' },
      );
    return earlier;
  }
}

/** JSON with object keys sorted: jsonb does not keep the order the client sent them in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
