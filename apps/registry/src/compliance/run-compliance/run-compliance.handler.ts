import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { complianceStatus, summarizeCompliance } from '@app/compliance';
import type { RecognitionState } from '@app/recognition';
import { RecognitionStore } from '../../recognition/recognition-store';
import { recognisedOffsets } from '../../recognition/uses/recognised-offsets';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { complianceRulesOf } from './compliance-rules';
import { RunCompliance } from './run-compliance.command';
import { submissionsFor } from './submissions';

/**
 * Status and penalty of every firm that reported for the year, from its verified emissions and
 * what it surrendered; recorded as one ComplianceRunCompleted. A retry returns the recorded run
 * even if units moved since (the run is a fact of when it was made).
 */
export function planRunCompliance(
  { jurisdiction, body }: RunCompliance,
  registry: LoadedRegistry,
  recognition?: RecognitionState,
): PlannedWork {
  const earlier = registry.records.byCommand[body.commandId];
  if (earlier) return { records: [earlier] };
  // Units recognised from the other province count as its (non-local) offsets.
  const recognised = recognition && recognisedOffsets(recognition, registry.ledger, jurisdiction);
  const base = complianceRulesOf(jurisdiction, body);
  const rules = recognised ? recognised.rules(base) : base;
  const projects = Object.fromEntries(
    (body.projects ?? []).map((p) => [
      p.projectId,
      {
        projectType: p.projectType,
        ...(p.projectStartYear !== undefined ? { projectStartYear: p.projectStartYear } : {}),
      },
    ]),
  );
  const prices = {
    ...(body.avgPriceLastMonthFen !== undefined ? { avgPriceLastMonthFen: body.avgPriceLastMonthFen } : {}),
    ...(body.avgPriceSixMonthsFen !== undefined ? { avgPriceSixMonthsFen: body.avgPriceSixMonthsFen } : {}),
  };
  const statuses = submissionsFor(
    registry.ledger,
    registry.records,
    body.complianceYear,
    projects,
    recognised?.originOf,
  ).map((s) => complianceStatus(rules, s, prices));
  return {
    records: [
      {
        type: 'ComplianceRunCompleted',
        commandId: body.commandId,
        complianceYear: body.complianceYear,
        statuses,
        summary: summarizeCompliance(jurisdiction, body.complianceYear, statuses),
      },
    ],
  };
}

@CommandHandler(RunCompliance)
export class RunComplianceHandler implements ICommandHandler<RunCompliance> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Optional() private readonly recognition?: RecognitionStore,
  ) {}

  async execute(command: RunCompliance): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    // Completed recognitions never change, so reading them before the registry transaction is safe.
    const sagas = this.recognition && (await this.recognition.loadSagas()).state;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planRunCompliance(command, r, sagas),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
