import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccessDeniedError, DomainError, type Principal } from '@app/domain';
import { formatSerial, pieceAt, type LedgerEvent, type LedgerState } from '@app/ledger';
import {
  nextSagaStep,
  RECOGNITION_ERRORS,
  type RecognitionEvent,
  type RecognitionEventType,
  type RecognitionFailed,
  type SagaState,
} from '@app/recognition';
import { REGISTRY_ERRORS } from '../../shared/registry-errors';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { RECOGNITION_CLOCK, type Clock } from '../recognition-clock';
import { RecognitionStore } from '../recognition-store';
import { CrashSeam } from './crash-seam';
import { recognitionLockId } from './recognition-steps';
import { sagaTimedOut, timeoutDetail } from './recognition-timeouts';
import {
  cancelAtOrigin,
  issueAtDestination,
  lockOrigin,
  releaseAtDestination,
  revokeAtDestination,
  unlockOrigin,
  type StepCommand,
} from './saga-step-plans';

export const SAGA_ACTOR = 'recognition-saga';

/** Steps a registry may refuse (the units are not the holder's, no account there, …): the saga compensates. */
const REFUSABLE: Partial<Record<RecognitionEventType, RecognitionFailed['reason']>> = {
  OriginRangeLocked: 'REJECTED_BY_ORIGIN',
  RecognisedUnitsIssued: 'REJECTED_BY_DESTINATION',
};

/** `first..last` serial text of a range in a registry, e.g. `SC-TANHUI_TIANFU-2025-P1-000000000001..…046`. */
export function serialsText(ledger: LedgerState, range: { start: number; end: number }): string {
  const piece = pieceAt(ledger, range.start);
  const block = piece && ledger.blocks[piece.blockId];
  if (!block) return `${range.start}..${range.end}`;
  return `${formatSerial(block, range.start)}..${formatSerial(block, range.end)}`;
}

/**
 * Performs one step of a recognition saga. The registry command and the saga event it proves commit in one
 * transaction (with the outbox message of the next step), and the saga's state is read and checked in that
 * transaction: a step no longer due (done already, or the saga failed meanwhile) writes nothing. Registry
 * command ids derive from the request id, so a redelivered step is a registry retry.
 */
@Injectable()
export class RecognitionSagaRunner {
  private readonly logger = new Logger(RecognitionSagaRunner.name);

  constructor(
    private readonly store: RecognitionStore,
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    private readonly crash: CrashSeam,
    @Inject(RECOGNITION_CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs the saga's next step if it is `step`; otherwise (done, or no longer due) nothing. */
  async advance(requestId: string, step: RecognitionEventType): Promise<void> {
    const saga = (await this.store.loadSagas()).state.sagas[requestId];
    if (!saga || nextSagaStep(saga) !== step) return;
    // Past its deadline a saga goes no further forward: it fails and compensates (deterministic on restart).
    const now = this.clock.now();
    if (sagaTimedOut((await this.store.loadRules()).state, saga, now)) {
      await this.fail(requestId, 'TIMED_OUT', timeoutDetail(saga.request.requestedAtMs, now));
      return;
    }
    if (step === 'RecognitionCompensated') {
      await this.recordOnly(step, [{ type: step, requestId }], `recognition:${requestId}:compensated`);
      return;
    }
    const command = await this.commandFor(saga, step);
    try {
      await this.registry.execute(
        {
          jurisdiction: command.jurisdiction,
          commandId: command.commandId,
          actor: SAGA_ACTOR,
          memo: command.memo,
          // The origin lock moves the holder's units in the holder's name: checked against who asked.
          ...(step === 'OriginRangeLocked' ? { actingFor: requestedBy(saga) } : {}),
          inTransaction: async (manager, events) => {
            await this.store.recordSagaEvents(
              manager,
              [eventOf(saga, step, events)],
              this.meta(command.commandId),
            );
            this.crash.at('before-commit', step);
          },
        },
        ({ ledger }) => command.plan(ledger),
      );
    } catch (error) {
      if (isCode(error, RECOGNITION_ERRORS.OUT_OF_ORDER)) return; // the saga moved on (e.g. timed out)
      const reason = REFUSABLE[step];
      if (!reason || !isRegistryRefusal(error)) throw error;
      // A refusal only fails the saga if the step is still due (not done meanwhile by another delivery).
      const now = (await this.store.loadSagas()).state.sagas[requestId];
      if (!now || nextSagaStep(now) !== step) return;
      await this.fail(requestId, reason, `${(error as Error).message}`);
      return;
    }
    this.crash.at('after-commit', step);
  }

  /** Records the failure (if the saga can still fail) and queues the first compensation step. */
  async fail(requestId: string, reason: RecognitionFailed['reason'], detail: string): Promise<boolean> {
    try {
      await this.recordOnly(
        'RecognitionFailed',
        [{ type: 'RecognitionFailed', requestId, reason, detail }],
        `recognition:${requestId}:failed`,
      );
      return true;
    } catch (error) {
      // Past the pivot the saga can only complete; a finished saga has nothing to fail.
      if (isCode(error, RECOGNITION_ERRORS.PAST_PIVOT) || isCode(error, RECOGNITION_ERRORS.OUT_OF_ORDER)) {
        this.logger.warn(`${requestId}: not failed (${(error as Error).message})`);
        return false;
      }
      throw error;
    }
  }

  private async recordOnly(step: RecognitionEventType, events: RecognitionEvent[], commandId: string) {
    await this.store.transaction(async (manager) => {
      await this.store.recordSagaEvents(manager, events, this.meta(commandId));
      this.crash.at('before-commit', step);
    });
    this.crash.at('after-commit', step);
  }

  private meta(commandId: string) {
    return { commandId, actor: SAGA_ACTOR, at: this.clock.now() };
  }

  private async commandFor(saga: SagaState, step: RecognitionEventType): Promise<StepCommand> {
    const { origin, destination } = saga.request;
    switch (step) {
      case 'OriginRangeLocked':
        return lockOrigin(saga);
      case 'RecognisedUnitsIssued':
        return issueAtDestination(
          saga,
          serialsText((await this.registry.load(origin)).ledger, saga.request.range),
        );
      case 'OriginRangeCancelled':
        return cancelAtOrigin(
          saga,
          serialsText((await this.registry.load(destination)).ledger, saga.destinationRange!),
        );
      case 'RecognitionCompleted':
        return releaseAtDestination(saga);
      case 'RecognisedUnitsRevoked':
        return revokeAtDestination(saga);
      case 'OriginRangeUnlocked':
        return unlockOrigin(saga);
      default:
        throw new Error(`no registry command for ${step}`);
    }
  }
}

/** The saga event a step records, built from what the registry command did. */
function eventOf(
  saga: SagaState,
  step: RecognitionEventType,
  events: readonly LedgerEvent[],
): RecognitionEvent {
  const requestId = saga.requestId;
  if (step === 'OriginRangeLocked') return { type: step, requestId, lockId: recognitionLockId(requestId) };
  if (step === 'RecognisedUnitsIssued') {
    const issued = events.find((e) => e.type === 'UnitsIssued');
    if (!issued || issued.type !== 'UnitsIssued')
      throw new Error(`${requestId}: the destination issued nothing`);
    return { type: step, requestId, destinationRange: { start: issued.block.start, end: issued.block.end } };
  }
  return { type: step, requestId } as RecognitionEvent;
}

/** The principal who asked for the recognition, as its first event recorded it. */
export function requestedBy(saga: SagaState): Principal | undefined {
  const requested = saga.applied.RecognitionRequested;
  return requested?.type === 'RecognitionRequested' ? requested.requestedBy : undefined;
}

const isCode = (error: unknown, code: string): boolean => error instanceof DomainError && error.code === code;

/** A registry's refusal of the command (not a conflict to retry, not an outage). */
function isRegistryRefusal(error: unknown): boolean {
  if (!(error instanceof DomainError)) return false;
  // Refused for who asked (the holder's own accounts only): failed and compensated like a registry refusal.
  if (error instanceof AccessDeniedError) return true;
  // A busy stream or a command id already used (a concurrent delivery of the same step) is retried instead.
  if (error.code === REGISTRY_ERRORS.WRITE_CONFLICT || error.code === REGISTRY_ERRORS.COMMAND_ID_CONFLICT)
    return false;
  return error.code.startsWith('LEDGER.') || error.code.startsWith('REGISTRY.');
}
