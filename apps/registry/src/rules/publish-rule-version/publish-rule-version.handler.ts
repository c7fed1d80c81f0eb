import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { previewAllocation } from '@app/allocation';
import { instanceToPlain } from 'class-transformer';
import { allocationInput } from '../../allocation/shared/allocation-rules.dto';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { RuleVersionPublished } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { PublishRuleVersion } from './publish-rule-version.command';

/**
 * A dated version of the allocation rules of one instrument. Versions of one instrument never
 * overlap, so for any date at most one is in force (replays pick it without ambiguity).
 * The acting regulator is recorded with the version as well as in the event metadata.
 */
export function planPublishRuleVersion({ body }: PublishRuleVersion, registry: LoadedRegistry): PlannedWork {
  // A retry skips the checks (its own version now overlaps); decideRegistry compares the records.
  if (registry.records.byCommand[body.commandId]) return { records: [published(body)] };
  const kind = body.kind ?? 'CARBON_ALLOWANCE';
  if (body.validTo < body.validFrom)
    throw new RegistryError(REGISTRY_ERRORS.BAD_RULE_VERSION, `validTo ${body.validTo} precedes validFrom`, {
      field: 'validTo',
    });
  const versions = Object.values(registry.records.ruleVersions);
  if (versions.some((v) => v.ruleVersionId === body.ruleVersionId))
    throw new RegistryError(REGISTRY_ERRORS.RULE_VERSION_CONFLICT, `${body.ruleVersionId} exists`, {
      field: 'ruleVersionId',
    });
  const overlapping = versions.find(
    (v) => v.kind === kind && v.validFrom <= body.validTo && body.validFrom <= v.validTo,
  );
  if (overlapping)
    throw new RegistryError(
      REGISTRY_ERRORS.RULE_VERSION_CONFLICT,
      `${overlapping.ruleVersionId} is in force ${overlapping.validFrom}..${overlapping.validTo}`,
      { field: 'validFrom', overlaps: overlapping.ruleVersionId },
    );
  // The rules must make sense on their own (shares within the cap) before they are published.
  previewAllocation(allocationInput({ rules: body.rules, firms: [] }, {}).rules, []);
  return { records: [published(body)] };
}

const published = (body: PublishRuleVersion['body']): RuleVersionPublished => ({
  type: 'RuleVersionPublished',
  commandId: body.commandId,
  ruleVersionId: body.ruleVersionId,
  kind: body.kind ?? 'CARBON_ALLOWANCE',
  validFrom: body.validFrom,
  validTo: body.validTo,
  rules: {
    ...(instanceToPlain(body.rules) as Record<string, unknown>),
    ...(body.pricing ? { pricing: instanceToPlain(body.pricing) } : {}),
  },
  regulator: body.actor,
});

@CommandHandler(PublishRuleVersion)
export class PublishRuleVersionHandler implements ICommandHandler<PublishRuleVersion> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: PublishRuleVersion): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planPublishRuleVersion(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
