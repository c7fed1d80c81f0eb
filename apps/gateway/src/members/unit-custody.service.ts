import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { Outbox } from '@app/messaging';
import { InstrumentCatalogue } from '@app/platform';
import {
  custodyWithdrawalCommandId,
  REGISTRY_CUSTODY_QUEUE,
  registryUnitsOf,
  type CustodyWithdrawalMessage,
} from '../../../exchange/src/custody/instrument-units';
import { MemberAccounts } from './member-accounts.service';
import type { PositionsView, UnitWithdrawalDto } from './members.dto';

/**
 * Units from the exchange back to the registry, the owner of units: the withdrawal debits the
 * member's available holdings and queues, in the same transaction, the registry transfer from
 * `{j}-EXCHANGE` to the member's holding account (deposits start at the registry:
 * `POST /registries/{j}/custody-deposits`).
 */
@Injectable()
export class UnitCustody {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: MemberAccounts,
    private readonly catalogue: InstrumentCatalogue,
    private readonly outbox: Outbox,
  ) {}

  async withdraw(member: string, dto: UnitWithdrawalDto): Promise<PositionsView> {
    const units = registryUnitsOf(this.instrument(dto.instrument));
    await this.accounts.positions(member); // 404 for an unknown member before anything else
    await this.assertRegistryAccount(units.jurisdiction, member);
    const message: CustodyWithdrawalMessage = {
      member,
      instrument: dto.instrument,
      qty: dto.qty,
      reference: dto.reference,
      units,
    };
    return this.accounts.withdrawUnits(member, dto, (manager) =>
      this.outbox.enqueue(manager, [
        {
          queue: REGISTRY_CUSTODY_QUEUE,
          name: 'CustodyWithdrawal',
          payload: message,
          messageId: custodyWithdrawalCommandId(member, dto.reference),
        },
      ]),
    );
  }

  private instrument(symbol: string) {
    const instrument = this.catalogue.get(symbol);
    if (!instrument)
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${symbol}`, {
        field: 'instrument',
      });
    return instrument;
  }

  /** Units can only go back to a holding account the member has in that registry. */
  private async assertRegistryAccount(jurisdiction: string, member: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM events WHERE stream_id = $1 AND type = 'AccountOpened' AND data->>'accountId' = $2 LIMIT 1`,
      [`registry-${jurisdiction}`, member],
    );
    if (rows.length === 0)
      throw new DomainError(
        'CUSTODY.NO_REGISTRY_ACCOUNT',
        `${member} has no holding account in the ${jurisdiction} registry`,
        { field: 'memberId' },
      );
  }
}
