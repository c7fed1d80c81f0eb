import { ApiProperty } from '@nestjs/swagger';
import { CommandResultView, commandResult } from './command-result';
import type { RecordEvent } from './registry-records';
import type { RegistryOutcome } from './registry-streams';

/** The answer to a command that records a registry fact (report, verification, compliance run). */
export class RecordResultView extends CommandResultView {
  @ApiProperty({ description: 'The recorded fact(s)', type: 'array', items: { type: 'object' } })
  records!: readonly RecordEvent[];
}

export const recordResult = (
  commandId: string,
  jurisdiction: string,
  outcome: RegistryOutcome,
): RecordResultView => ({
  ...commandResult(commandId, jurisdiction, outcome),
  records: outcome.records,
});
