import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '@app/domain';
import type { LedgerCommand, LedgerState } from '@app/ledger';
import { MESSAGE_TRANSPORT, Outbox, type MessageTransport, type TransportMessage } from '@app/messaging';
import {
  CUSTODY_WITHDRAWAL_REFUSED,
  custodyWithdrawalCommandId,
  custodyWithdrawalRefusedMessageId,
  EXCHANGE_CUSTODY_QUEUE,
  REGISTRY_CUSTODY_QUEUE,
  type CustodyWithdrawalMessage,
  type CustodyWithdrawalRefusedMessage,
} from '../../../../exchange/src/custody/instrument-units';
import { REGISTRY_ERRORS } from '../../shared/registry-errors';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { custodyAccountId, openCustodyIfMissing } from '../custody-account';

/** Units the exchange debited go back from custody to the member's holding account, lowest serial first. */
export function planReleaseFromCustody(state: LedgerState, m: CustodyWithdrawalMessage): LedgerCommand[] {
  return [
    ...openCustodyIfMissing(state, m.units.jurisdiction),
    {
      type: 'TransferUnits',
      commandId: custodyWithdrawalCommandId(m.member, m.reference),
      from: custodyAccountId(m.units.jurisdiction),
      to: m.member,
      selection: { by: 'quantity', quantity: m.qty, ...m.units },
    },
  ];
}

/** Name of the consumer in `processed_messages` (the relay's acknowledgement). */
export const REGISTRY_CUSTODY_CONSUMER = 'registry-custody';

/**
 * Consumes the exchange's withdrawals (outbox → `registry-custody`). The registry command id is
 * derived from the member's reference, so a redelivered message is a registry retry and moves
 * nothing twice; a message already acknowledged (released or refused) is skipped. A refusal (the
 * registry's DomainError, e.g. custody lacks the units) is final: the exchange already debited the
 * member, so a `CustodyWithdrawalRefused` goes back to it in the same transaction as the
 * acknowledgement and it credits the units back; other errors (database, a busy registry) are
 * thrown, so the transport retries them. The
 * `processed_messages` row the relay waits for is written in the registry's transaction (or after a
 * replay), not around it: the registry opens its own transaction, and embedded mode has one
 * connection.
 */
@Injectable()
export class ReleaseFromCustodyConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReleaseFromCustodyConsumer.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    private readonly outbox: Outbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.transport.consume(REGISTRY_CUSTODY_QUEUE, (message) => this.handle(message), {
      concurrency: 1,
    });
  }

  async handle(message: TransportMessage): Promise<void> {
    const m = message.payload as CustodyWithdrawalMessage;
    // Handled before: released (the registry would replay it), or refused, and then the exchange
    // has credited the units back: moving them now (custody may hold them by now) would count them twice.
    if (await isAcknowledged(this.dataSource.manager, message.id)) return;
    try {
      const outcome = await this.registry.execute(
        {
          jurisdiction: m.units.jurisdiction,
          commandId: custodyWithdrawalCommandId(m.member, m.reference),
          actor: 'exchange',
          memo: `exchange member ${m.member}`,
          // The acknowledgement must be this transaction's own: if another delivery was refused
          // after the check above, the move rolls back instead of counting the units twice.
          inTransaction: (manager) => acknowledgeFirst(manager, message.id),
        },
        ({ ledger }) => planReleaseFromCustody(ledger, m),
      );
      if (outcome.replayed) await acknowledge(this.dataSource.manager, message.id);
    } catch (error) {
      if (error instanceof HandledMeanwhile) return;
      if (isRefusal(error)) return this.refuse(message.id, m, error);
      this.logger.warn(
        `custody withdrawal ${message.id} failed and will be retried: ${(error as Error).message}`,
      );
      throw error;
    }
  }

  private async refuse(messageId: string, m: CustodyWithdrawalMessage, error: DomainError): Promise<void> {
    this.logger.warn(
      `custody withdrawal ${messageId} refused, credited back on the exchange: ${error.message}`,
    );
    const refused: CustodyWithdrawalRefusedMessage = {
      member: m.member,
      instrument: m.instrument,
      qty: m.qty,
      reference: m.reference,
      reason: error.message,
    };
    await this.dataSource.transaction(async (manager) => {
      await this.outbox.enqueue(manager, [
        {
          queue: EXCHANGE_CUSTODY_QUEUE,
          name: CUSTODY_WITHDRAWAL_REFUSED,
          payload: refused,
          messageId: custodyWithdrawalRefusedMessageId(m.member, m.reference),
        },
      ]);
      await acknowledge(manager, messageId);
    });
  }
}

function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && error.code !== REGISTRY_ERRORS.WRITE_CONFLICT;
}

async function isAcknowledged(manager: EntityManager, messageId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'SELECT 1 FROM processed_messages WHERE consumer = $1 AND message_id = $2',
    [REGISTRY_CUSTODY_CONSUMER, messageId],
  );
  return rows.length > 0;
}

/** Another delivery of the message was acknowledged while this one was being handled. */
class HandledMeanwhile extends Error {}

/** Acknowledges in the caller's transaction, or throws {@link HandledMeanwhile} (rolling it back) if acknowledged already. */
async function acknowledgeFirst(manager: EntityManager, messageId: string): Promise<void> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING
     RETURNING message_id`,
    [REGISTRY_CUSTODY_CONSUMER, messageId],
  );
  if (inserted.length === 0) throw new HandledMeanwhile(`${messageId} was handled meanwhile`);
}

async function acknowledge(manager: EntityManager, messageId: string): Promise<void> {
  await manager.query(
    'INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [REGISTRY_CUSTODY_CONSUMER, messageId],
  );
}
