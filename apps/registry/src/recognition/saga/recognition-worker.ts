import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { nextSagaStep, openSagas } from '@app/recognition';
import { MESSAGE_TRANSPORT, type MessageTransport, type TransportMessage } from '@app/messaging';
import { AdvanceRecognition } from './recognition-saga.commands';
import { RECOGNITION_CONSUMER, RECOGNITION_QUEUE, type RecognitionStepMessage } from './recognition-steps';
import { RecognitionStore } from '../recognition-store';

/**
 * The saga's worker: consumes the step messages the outbox relays (`registry-recognition`), one at a time.
 * Timed-out sagas are found by the registry's scheduled sweeps (`sweeps/scheduled-sweeps.ts`). A step throws to be retried by the transport; the acknowledgement row
 * the relay waits for is written once the step is done (or found done).
 */
@Injectable()
export class RecognitionWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(RecognitionWorker.name);

  constructor(
    private readonly commandBus: CommandBus,
    private readonly store: RecognitionStore,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.consume(RECOGNITION_QUEUE, (m) => this.handle(m), { concurrency: 1 });
    void this.resumeOpenSagas();
  }

  /**
   * On start, every open saga's next step is run once without waiting for the queue: a step whose worker
   * died mid-transaction is otherwise redelivered only after BullMQ's stalled-job check (30 s or more).
   * Running it twice is harmless (the step is checked against the saga in its own transaction).
   */
  async resumeOpenSagas(): Promise<void> {
    try {
      const { state } = await this.store.loadSagas();
      for (const saga of openSagas(state)) {
        const step = nextSagaStep(saga);
        if (step) await this.commandBus.execute(new AdvanceRecognition(saga.requestId, step));
      }
    } catch (error) {
      this.logger.warn(`resuming open sagas: ${(error as Error).message} (the queue will retry)`);
    }
  }

  async handle(message: TransportMessage): Promise<void> {
    const { requestId, step } = message.payload as RecognitionStepMessage;
    try {
      await this.commandBus.execute(new AdvanceRecognition(requestId, step));
    } catch (error) {
      this.logger.warn(
        `recognition ${requestId} ${step} failed and will be retried: ${(error as Error).message}`,
      );
      throw error;
    }
    await this.store.dataSource.query(
      'INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [RECOGNITION_CONSUMER, message.id],
    );
  }
}
