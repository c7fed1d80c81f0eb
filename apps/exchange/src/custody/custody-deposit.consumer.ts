import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { depositUnits, refuseUnitWithdrawal, type ClearingEvent, type ClearingLedger } from '@app/clearing';
import {
  idempotentHandler,
  MESSAGE_TRANSPORT,
  type MessageTransport,
  type TransportMessage,
} from '@app/messaging';
import { ClearingStore } from '../clearing/clearing-store';
import { memberStreamId } from '../clearing/clearing-streams';
import {
  CUSTODY_WITHDRAWAL_REFUSED,
  EXCHANGE_CUSTODY_QUEUE,
  type CustodyDepositedMessage,
  type CustodyWithdrawalRefusedMessage,
} from './instrument-units';

/** Name of the consumer in `processed_messages` (the reconciliation counts what it has not seen). */
export const EXCHANGE_CUSTODY_CONSUMER = 'exchange-custody';

/** The registry reference a custody deposit is credited under (`UnitsDeposited.registryTransfer`). */
export const custodyDepositReference = (m: CustodyDepositedMessage): string =>
  `custody:${m.jurisdiction}:${m.registryCommandId}`;

/**
 * Credits the member's exchange holdings for units the registry moved into custody, and for units
 * of a withdrawal the registry refused (`UnitsWithdrawalRefused`, with its reason). Runs once per
 * message (`idempotentHandler`: the dedupe row and the credit commit together), so a redelivery
 * after a crash — the outbox sends again what no consumer acknowledged — credits exactly once.
 */
@Injectable()
export class CustodyDepositConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(CustodyDepositConsumer.name);
  private readonly creditOnce: (message: TransportMessage) => Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clearing: ClearingStore,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
  ) {
    this.creditOnce = idempotentHandler(dataSource, EXCHANGE_CUSTODY_CONSUMER, (message, manager) =>
      message.name === CUSTODY_WITHDRAWAL_REFUSED
        ? this.creditBack(message.payload as CustodyWithdrawalRefusedMessage, manager)
        : this.credit(message.payload as CustodyDepositedMessage, manager),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.consume(EXCHANGE_CUSTODY_QUEUE, (message) => this.handle(message), {
      concurrency: 1,
    });
  }

  async handle(message: TransportMessage): Promise<void> {
    try {
      await this.creditOnce(message);
    } catch (error) {
      this.logger.warn(
        `custody deposit ${message.id} failed and will be retried: ${(error as Error).message}`,
      );
      throw error;
    }
  }

  private credit(m: CustodyDepositedMessage, manager: EntityManager): Promise<void> {
    return this.decide(manager, m, (ledger) =>
      depositUnits(ledger, m.member, m.instrument, m.qty, custodyDepositReference(m)),
    );
  }

  private creditBack(m: CustodyWithdrawalRefusedMessage, manager: EntityManager): Promise<void> {
    return this.decide(manager, m, (ledger) =>
      refuseUnitWithdrawal(
        ledger,
        { member: m.member, instrument: m.instrument, qty: m.qty, reference: m.reference },
        m.reason,
      ),
    );
  }

  private async decide(
    manager: EntityManager,
    m: { member: string; instrument: string },
    decision: (ledger: ClearingLedger) => ClearingEvent[],
  ): Promise<void> {
    await this.clearing.lockOwners(manager, { members: [m.member] });
    const ledger = await this.clearing.load(manager, {
      members: [m.member],
      instruments: [m.instrument],
      lock: true,
    });
    const events = decision(ledger);
    ledger.apply(events);
    await this.clearing.write(
      manager,
      ledger,
      events.map((event) => ({ stream: memberStreamId(m.member), event })),
    );
  }
}
