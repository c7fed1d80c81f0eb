import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand } from '@app/ledger';
import {
  OFFSET_LIMITS,
  recognisedOffsetRoom,
  RecognitionError,
  type RecognitionState,
} from '@app/recognition';
import { commandResult } from '../../shared/command-result';
import { movedRanges, type MoveView } from '../../shared/move.view';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { eventsOfCommand, type LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { RecognitionStore } from '../recognition-store';
import { offsetPosition } from './offset-position';
import { recognitionCovering } from './recognised-units';
import type { RetireRecognisedDto, SurrenderRecognisedDto } from './use-recognised-units.dto';

export class SurrenderRecognisedUnits extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: SurrenderRecognisedDto,
  ) {
    super();
  }
}

export class RetireRecognisedUnits extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: RetireRecognisedDto,
  ) {
    super();
  }
}

/**
 * Surrender as compliance offsets: only units recognised for `compliance-offset`, and within the holder's
 * recognised-offset room in this province (`OFFSET_LIMITS`: offset limit, local share, share of allocation).
 * A retry of the command id skips the checks (they counted the first time) and answers the first result.
 */
export function planSurrenderRecognised(
  { jurisdiction, body }: SurrenderRecognisedUnits,
  registry: LoadedRegistry,
  sagas: RecognitionState,
): LedgerCommand[] {
  const range = { start: body.serialStart, end: body.serialEnd };
  const saga = recognitionCovering(sagas, jurisdiction, range);
  // The room is checked once: a retry of the command id finds its surrender already counted.
  if (eventsOfCommand(registry.ledger, body.commandId).length === 0) {
    if (saga.request.use !== 'compliance-offset')
      throw new RecognitionError(
        'RECOGNITION.USE_NOT_ALLOWED',
        `${saga.requestId} was recognised for ${saga.request.use}`,
        {
          field: 'serialStart',
        },
      );
    const quantity = range.end - range.start + 1;
    const { room, limits } = recognisedOffsetRoom(
      OFFSET_LIMITS[jurisdiction],
      offsetPosition(jurisdiction, registry, sagas, body.from, body.complianceYear),
    );
    if (quantity > room)
      throw new RecognitionError(
        'RECOGNITION.OVER_OFFSET_LIMIT',
        `${quantity} recognised units exceed the room of ${room} (offset limit ${limits.offset}, local-share ${limits.localShare}, allocation cap ${limits.allocation})`,
        { field: 'serialEnd', room },
      );
  }
  return [
    {
      type: 'SurrenderUnits',
      commandId: body.commandId,
      from: body.from,
      to: systemAccountId(jurisdiction, 'SURRENDER'),
      selection: { by: 'serials', ...range },
      complianceYear: body.complianceYear,
    },
  ];
}

/** Voluntary retirement: any recognised units (no limit applies), the origin named in the reason. */
export function planRetireRecognised(
  { jurisdiction, body }: RetireRecognisedUnits,
  registry: LoadedRegistry,
  sagas: RecognitionState,
): LedgerCommand[] {
  const range = { start: body.serialStart, end: body.serialEnd };
  // A completed saga keeps its destination range, so a retry finds the same one and plans the same command.
  const saga = recognitionCovering(sagas, jurisdiction, range);
  const origin = `recognised from ${saga.request.origin} (request ${saga.requestId})`;
  return [
    {
      type: 'RetireUnits',
      commandId: body.commandId,
      from: body.from,
      to: systemAccountId(jurisdiction, 'RETIREMENT'),
      selection: { by: 'serials', ...range },
      beneficiary: body.beneficiary,
      reason: body.reason !== undefined ? `${body.reason}; ${origin}` : origin,
    },
  ];
}

@CommandHandler(SurrenderRecognisedUnits)
export class SurrenderRecognisedUnitsHandler implements ICommandHandler<SurrenderRecognisedUnits> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    private readonly store: RecognitionStore,
  ) {}

  async execute(command: SurrenderRecognisedUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    const sagas = (await this.store.loadSagas()).state;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planSurrenderRecognised(command, r, sagas),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}

@CommandHandler(RetireRecognisedUnits)
export class RetireRecognisedUnitsHandler implements ICommandHandler<RetireRecognisedUnits> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    private readonly store: RecognitionStore,
  ) {}

  async execute(command: RetireRecognisedUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    const sagas = (await this.store.loadSagas()).state;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planRetireRecognised(command, r, sagas),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
