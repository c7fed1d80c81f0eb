import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEvent } from '@app/ledger';
import type { RegistryOutcome } from './registry-streams';

/** What every registry command answers once its events are durable. */
export class CommandResultView {
  @ApiProperty({ example: 'cmd-7f3a' })
  commandId!: string;

  @ApiProperty({ enum: ['CQ', 'SC'] })
  jurisdiction!: string;

  @ApiProperty({
    description: 'Registry stream version after the command (on a replay: the version it was read at)',
  })
  version!: number;

  @ApiProperty({
    description: 'True when this commandId was already processed: the first answer is repeated',
  })
  replayed!: boolean;

  @ApiProperty({
    description: 'Ledger events the command produced',
    type: 'array',
    items: { type: 'object' },
  })
  events!: readonly LedgerEvent[];
}

export function commandResult(
  commandId: string,
  jurisdiction: string,
  outcome: RegistryOutcome,
): CommandResultView {
  return {
    commandId,
    jurisdiction,
    version: outcome.version,
    replayed: outcome.replayed,
    events: outcome.events,
  };
}
