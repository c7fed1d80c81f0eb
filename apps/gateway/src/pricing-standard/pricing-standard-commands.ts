import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { EventStore } from '@app/event-store';
import {
  decidePricingStandard,
  JOINT_REGULATORS,
  parsePricingStandard,
  type PricingStandardCommand,
  type PricingStandardEvent,
  type RegulatorDirectory,
} from '@app/pricing';
import { effectiveFromMs, InstrumentCatalogue, signingRegulators } from '@app/platform';
import { CLOCK, Clock } from '../clock/clock';
import { canonicalJson } from '../instruments/decide-rules/decide-rules.service';
import { beijingDate } from './beijing-date';
import type { ApproveStandardDto, ProposeStandardDto } from './pricing-standard.dto';
import { PRICING_STANDARD_STREAM, PricingStandardLog, toRecord } from './pricing-standard-log';
import { standardRuleChanges } from './standard-rule-changes';
import { StandardRulesSync } from './standard-rules-sync';
import { versionView, type PricingStandardVersionView } from './pricing-standard-views';

/** The two provinces' regulators, under the library's ids and the catalogue's (`regulator-cq`). */
export const PRICING_REGULATORS: RegulatorDirectory = {
  ...JOINT_REGULATORS,
  'regulator-cq': 'CQ',
  'regulator-sc': 'SC',
};

/**
 * Proposals and approvals of the joint pricing standard, decided by `@app/pricing` against the
 * `pricing-standard` stream and appended to it in one transaction (expected version: a
 * concurrent command on another gateway makes this one retry on the new state, never both pass).
 */
@Injectable()
export class PricingStandardCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly log: PricingStandardLog,
    private readonly catalogue: InstrumentCatalogue,
    private readonly rulesSync: StandardRulesSync,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  propose(body: ProposeStandardDto): Promise<PricingStandardVersionView> {
    const version = typeof body.document.version === 'string' ? body.document.version : '';
    // The document is checked first so that a bad one is a 400 naming its field, whatever else.
    parsePricingStandard(body.document);
    return this.run(
      { type: 'ProposePricingStandard', version, document: body.document, regulator: body.regulator },
      body.commandId,
      version,
    );
  }

  approve(version: string, body: ApproveStandardDto): Promise<PricingStandardVersionView> {
    const today = beijingDate(this.clock.now());
    return this.run(
      {
        type: 'ApprovePricingStandard',
        jurisdiction: body.province,
        version,
        regulator: body.regulator,
        effectiveFrom: body.effectiveFrom,
      },
      body.commandId,
      version,
      () => {
        if (body.effectiveFrom < today)
          throw new DomainError('PRICING.EFFECTIVE_IN_PAST', `effectiveFrom must not be before ${today}`, {
            field: 'effectiveFrom',
          });
      },
      (events) => {
        const adopted = events.find((e) => e.type === 'PricingStandardAdopted');
        if (adopted) this.checkAgainstCatalogue(version, adopted.effectiveFrom);
      },
    );
  }

  private async run(
    command: PricingStandardCommand,
    commandId: string | undefined,
    version: string,
    /** Checks of the command itself, after the replay check (a replayed command gets its first answer). */
    before: () => void = () => undefined,
    /** Checks of what it would change, before anything is stored. */
    after: (events: PricingStandardEvent[]) => void = () => undefined,
  ): Promise<PricingStandardVersionView> {
    await this.dataSource.transaction(async (manager) => {
      const streamVersion = await this.log.refresh(manager);
      if (commandId !== undefined && this.replayed(commandId, command)) return;
      before();
      const events = decidePricingStandard(
        command,
        this.log.current(),
        signingRegulators(PRICING_REGULATORS),
      );
      after(events);
      await this.store.append(
        PRICING_STANDARD_STREAM,
        streamVersion,
        events.map((e) => ({
          ...toRecord(e),
          metadata: { commandId: commandId ?? `${command.type}:${version}`, actor: command.regulator },
        })),
        { manager },
      );
    });
    // An adopted version's class rules reach this process's catalogue (and the books) at once.
    await this.rulesSync.tick();
    return this.view(version);
  }

  /** True when this command id was already carried out with the same command; another command under it is refused. */
  private replayed(commandId: string, command: PricingStandardCommand): boolean {
    const earlier = this.log.byCommand(commandId);
    if (earlier.length === 0) return false;
    const first = earlier[0];
    const same =
      command.type === 'ProposePricingStandard'
        ? first.type === 'PricingStandardProposed' &&
          first.data.version === command.version &&
          first.data.regulator === command.regulator &&
          canonicalJson(first.data.document) === canonicalJson(parsePricingStandard(command.document))
        : first.type === 'PricingStandardApproved' &&
          first.data.version === command.version &&
          first.data.jurisdiction === command.jurisdiction &&
          first.data.regulator === command.regulator &&
          first.data.effectiveFrom === command.effectiveFrom;
    if (!same)
      throw new DomainError(
        'PRICING.COMMAND_CONFLICT',
        `commandId ${commandId} was used for another command`,
        {
          field: 'commandId',
        },
      );
    return true;
  }

  /**
   * A standard whose class tick would leave an instrument's reference price off tick cannot be
   * adopted: the exchange could not use it. Refused with the class's tick as the field.
   */
  private checkAgainstCatalogue(version: string, effectiveFrom: string): void {
    const doc = this.log.current().versions[version]?.document;
    if (!doc) return;
    const atMs = effectiveFromMs(effectiveFrom);
    for (const instrument of this.catalogue.list()) {
      const { cls, changes } = standardRuleChanges(doc, instrument.kind);
      const invalid = this.catalogue.validateDecision({
        symbol: instrument.symbol,
        effectiveFromMs: atMs,
        changes,
      });
      if (invalid)
        throw new DomainError(
          'PRICING.INCOMPATIBLE_WITH_CATALOGUE',
          `${instrument.symbol}: ${invalid.field} ${invalid.message} under bands.${cls}`,
          { field: `bands.${cls}.tickFen` },
        );
    }
  }

  view(version: string, at = beijingDate(this.clock.now()), withDocument = true): PricingStandardVersionView {
    const state = this.log.current();
    const v = state.versions[version];
    if (!v)
      throw new DomainError('PRICING.UNKNOWN_VERSION', `version ${version} was never proposed`, {
        field: 'version',
      });
    return versionView(state, v, this.log.proposedBy(version)!, this.log.inForce(at)?.version, withDocument);
  }
}
