import { CommandHandler, ICommandHandler, ofType, Saga, type IEvent } from '@nestjs/cqrs';
import { Injectable } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { AdvanceRecognition, FailRecognition, RecognitionTimedOut } from './recognition-saga.commands';
import { RecognitionSagaRunner } from './recognition-saga-runner';
import { timeoutDetail } from './recognition-timeouts';

@CommandHandler(AdvanceRecognition)
export class AdvanceRecognitionHandler implements ICommandHandler<AdvanceRecognition> {
  constructor(private readonly runner: RecognitionSagaRunner) {}

  execute({ requestId, step }: AdvanceRecognition): Promise<void> {
    return this.runner.advance(requestId, step);
  }
}

@CommandHandler(FailRecognition)
export class FailRecognitionHandler implements ICommandHandler<FailRecognition> {
  constructor(private readonly runner: RecognitionSagaRunner) {}

  execute({ requestId, reason, detail }: FailRecognition): Promise<boolean> {
    return this.runner.fail(requestId, reason, detail);
  }
}

/**
 * The @nestjs/cqrs saga of recognition timeouts: a saga found too old becomes a `FailRecognition` command,
 * which records `RecognitionFailed { TIMED_OUT }` and queues the compensation. Fire-and-forget is safe here:
 * a timeout lost in a crash is found again by the next sweep.
 */
@Injectable()
export class RecognitionTimeoutSaga {
  @Saga()
  timedOut = (events$: Observable<IEvent>): Observable<FailRecognition> =>
    events$.pipe(
      ofType(RecognitionTimedOut),
      map((e) => new FailRecognition(e.requestId, 'TIMED_OUT', timeoutDetail(e.requestedAtMs, e.nowMs))),
    );
}
