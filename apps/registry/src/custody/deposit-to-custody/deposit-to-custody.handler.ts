import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/domain';
import type { LedgerCommand, LedgerState } from '@app/ledger';
import { Outbox } from '@app/messaging';
import { InstrumentCatalogue } from '@app/platform';
import {
  custodyDepositMessageId,
  EXCHANGE_CUSTODY_QUEUE,
  registryUnitsOf,
  type CustodyDepositedMessage,
} from '../../../../exchange/src/custody/instrument-units';
import { commandResult } from '../../shared/command-result';
import { movedRanges } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { custodyAccountId, openCustodyIfMissing } from '../custody-account';
import { withCustodyField } from '../custody-errors';
import type { CustodyMoveView } from '../custody-move.view';
import { DepositToCustody } from './deposit-to-custody.command';

/** The member's units of the instrument, lowest serial first, from its holding account into custody. */
export function planDepositToCustody(
  state: LedgerState,
  { jurisdiction, body }: DepositToCustody,
  catalogue: InstrumentCatalogue,
): LedgerCommand[] {
  const instrument = catalogue.get(body.instrument);
  if (!instrument)
    throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${body.instrument}`, {
      field: 'instrument',
    });
  const units = registryUnitsOf(instrument);
  if (units.jurisdiction !== jurisdiction)
    throw new DomainError(
      'CUSTODY.WRONG_REGISTRY',
      `${body.instrument} is held in the ${units.jurisdiction} registry, not ${jurisdiction}`,
      { field: 'instrument' },
    );
  const account = state.accounts[body.memberId];
  if (!account || account.accountType !== 'ENTERPRISE_HOLDING' || account.ownerId === 'exchange')
    throw new DomainError(
      'LEDGER.UNKNOWN_ACCOUNT',
      `no holding account ${body.memberId} in ${jurisdiction}`,
      {
        field: 'memberId',
      },
    );
  return [
    ...openCustodyIfMissing(state, jurisdiction),
    {
      type: 'TransferUnits',
      commandId: body.commandId,
      from: body.memberId,
      to: custodyAccountId(jurisdiction),
      selection: { by: 'quantity', quantity: body.quantity, ...units },
    },
  ];
}

/**
 * A member puts units on the exchange: the registry moves them into the exchange's custody
 * account and, in the same transaction, queues the credit of the member's exchange holdings
 * through the outbox (so a crash after the move is recovered by redelivery, never lost).
 */
@CommandHandler(DepositToCustody)
export class DepositToCustodyHandler implements ICommandHandler<DepositToCustody> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    private readonly catalogue: InstrumentCatalogue,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: DepositToCustody): Promise<CustodyMoveView> {
    const { jurisdiction, body } = command;
    const message: CustodyDepositedMessage = {
      jurisdiction,
      registryCommandId: body.commandId,
      member: body.memberId,
      instrument: body.instrument,
      qty: body.quantity,
    };
    const outcome = await this.registry
      .execute(
        {
          jurisdiction,
          commandId: body.commandId,
          actor: body.actor,
          memo: `exchange member ${body.memberId}`,
          inTransaction: async (manager) => {
            await assertExchangeMember(manager, body.memberId);
            await this.outbox.enqueue(manager, [
              {
                queue: EXCHANGE_CUSTODY_QUEUE,
                name: 'CustodyDeposited',
                payload: message,
                messageId: custodyDepositMessageId(jurisdiction, body.commandId),
              },
            ]);
          },
        },
        ({ ledger }) => planDepositToCustody(ledger, command, this.catalogue),
      )
      .catch((error: unknown) => {
        throw withCustodyField(error, 'memberId');
      });
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
      memberId: body.memberId,
      instrument: body.instrument,
      custodyAccount: custodyAccountId(jurisdiction),
    };
  }
}

/** Units go into custody only for a member the exchange can credit (else they would sit unowned). */
async function assertExchangeMember(manager: EntityManager, member: string): Promise<void> {
  const rows: unknown[] = await manager.query('SELECT 1 FROM clearing_members WHERE member_id = $1', [
    member,
  ]);
  if (rows.length === 0)
    throw new DomainError('CUSTODY.MEMBER_NOT_FOUND', `${member} is not an exchange member`, {
      field: 'memberId',
    });
}
