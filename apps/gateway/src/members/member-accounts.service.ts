import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  depositCash,
  depositUnits,
  registerMember,
  withdrawCash,
  withdrawUnits,
  type ClearingEvent,
  type ClearingLedger,
} from '@app/clearing';
import { DomainError } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { ClearingStore } from '../../../exchange/src/clearing/clearing-store';
import { memberStreamId } from '../../../exchange/src/clearing/clearing-streams';
import { hasCustodyRegistry } from '../../../exchange/src/custody/instrument-units';
import type {
  CashMovementDto,
  PositionsView,
  RegisterMemberDto,
  UnitDepositDto,
  UnitWithdrawalDto,
} from './members.dto';

type Decide = (ledger: ClearingLedger) => ClearingEvent[];

/**
 * Members and their money and units, each change one transaction: the member's cash row locked,
 * the pure decision, the rows and the member-stream events written together.
 */
@Injectable()
export class MemberAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clearing: ClearingStore,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  async register(dto: RegisterMemberDto): Promise<PositionsView> {
    return this.registerOnce(dto).catch((error: unknown) => {
      // Two registrations of one id racing: the loser hits the primary key.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new DomainError('CLEARING.DUPLICATE_MEMBER', `member ${dto.memberId} already exists`, {
          field: 'memberId',
        });
      throw error;
    });
  }

  private registerOnce(dto: RegisterMemberDto): Promise<PositionsView> {
    return this.dataSource.transaction(async (manager) => {
      const ledger = await this.clearing.load(manager, { members: [dto.memberId], lock: true });
      const events = registerMember(ledger, {
        member: dto.memberId,
        name: dto.name,
        jurisdiction: dto.jurisdiction,
        ...(dto.positionLimit !== undefined ? { positionLimit: dto.positionLimit } : {}),
      });
      ledger.apply(events);
      await this.clearing.write(
        manager,
        ledger,
        events.map((event) => ({ stream: memberStreamId(dto.memberId), event })),
      );
      return this.positionsIn(manager, dto.memberId);
    });
  }

  deposit(member: string, dto: CashMovementDto): Promise<PositionsView> {
    return this.change(member, 'cash-deposit', dto.reference, dto, [], (l) =>
      depositCash(l, member, dto.amount, dto.reference),
    );
  }

  withdraw(member: string, dto: CashMovementDto): Promise<PositionsView> {
    return this.change(member, 'cash-withdrawal', dto.reference, dto, [], (l) =>
      withdrawCash(l, member, dto.amount, dto.reference),
    );
  }

  /**
   * Credit by an outside reference, for instruments whose registry this system does not keep
   * (CCER: the national registry). Units of a kept registry (CQ, SC) must be in the exchange's
   * custody account there to be withdrawn again, so they enter only through custody deposits.
   */
  depositUnits(member: string, dto: UnitDepositDto): Promise<PositionsView> {
    const instrument = this.catalogue.get(dto.instrument);
    if (!instrument)
      throw new DomainError('EXCHANGE.UNKNOWN_INSTRUMENT', `unknown instrument ${dto.instrument}`, {
        field: 'instrument',
      });
    if (hasCustodyRegistry(instrument))
      throw new DomainError(
        'CUSTODY.DEPOSIT_THROUGH_REGISTRY',
        `${dto.instrument} units are kept in the ${instrument.jurisdiction} registry: deposit them with ` +
          `POST /registries/${instrument.jurisdiction}/custody-deposits, which moves them into custody`,
        { field: 'instrument' },
      );
    return this.change(member, 'unit-deposit', dto.registryTransfer, dto, [dto.instrument], (l) =>
      depositUnits(l, member, dto.instrument, dto.qty, dto.registryTransfer),
    );
  }

  /** Available units out; `alsoInTransaction` queues the registry move in the same transaction. */
  withdrawUnits(
    member: string,
    dto: UnitWithdrawalDto,
    alsoInTransaction: (manager: EntityManager) => Promise<void>,
  ): Promise<PositionsView> {
    return this.change(
      member,
      'unit-withdrawal',
      dto.reference,
      dto,
      [dto.instrument],
      (l) => withdrawUnits(l, member, dto.instrument, dto.qty, dto.reference),
      alsoInTransaction,
    );
  }

  positions(member: string): Promise<PositionsView> {
    return this.positionsIn(this.dataSource.manager, member);
  }

  /** A change keyed by the member's reference: the same body again is answered without re-applying it. */
  private change(
    member: string,
    kind: string,
    reference: string,
    body: object,
    instruments: string[],
    decide: Decide,
    alsoInTransaction?: (manager: EntityManager) => Promise<void>,
  ): Promise<PositionsView> {
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const ledger = await this.clearing.load(manager, { members: [member], instruments, lock: true });
      if (!ledger.member(member))
        throw new DomainError('CLEARING.MEMBER_NOT_FOUND', `no member ${member}`, { field: 'memberId' });
      const inserted: unknown[] = await manager.query(
        `INSERT INTO clearing_requests (member_id, kind, reference, body_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING reference`,
        [member, kind, reference, hash],
      );
      if (inserted.length === 0) {
        const [previous]: { body_hash: string }[] = await manager.query(
          'SELECT body_hash FROM clearing_requests WHERE member_id = $1 AND kind = $2 AND reference = $3',
          [member, kind, reference],
        );
        if (previous.body_hash !== hash)
          throw new DomainError(
            'CLEARING.REFERENCE_CONFLICT',
            `reference ${reference} was used for another ${kind}`,
            {
              field: 'reference',
            },
          );
        return this.positionsIn(manager, member);
      }
      const events = decide(ledger);
      ledger.apply(events);
      await this.clearing.write(
        manager,
        ledger,
        events.map((event) => ({ stream: memberStreamId(member), event })),
      );
      await alsoInTransaction?.(manager);
      return this.positionsIn(manager, member);
    });
  }

  private async positionsIn(manager: EntityManager, member: string): Promise<PositionsView> {
    const [row]: {
      name: string;
      jurisdiction: string;
      position_limit: string | null;
      available: string;
      reserved: string;
    }[] = await manager.query(
      `SELECT m.name, m.jurisdiction, m.position_limit, c.available, c.reserved
       FROM clearing_members m JOIN clearing_cash c USING (member_id) WHERE m.member_id = $1`,
      [member],
    );
    if (!row)
      throw new DomainError('CLEARING.MEMBER_NOT_FOUND', `no member ${member}`, { field: 'memberId' });
    const holdings: { instrument: string; available: string; reserved: string; incoming: string }[] =
      await manager.query(
        'SELECT instrument, available, reserved, incoming FROM clearing_holdings WHERE member_id = $1 ORDER BY instrument',
        [member],
      );
    return {
      memberId: member,
      name: row.name,
      jurisdiction: row.jurisdiction,
      ...(row.position_limit !== null ? { positionLimit: Number(row.position_limit) } : {}),
      cash: { available: Number(row.available), reserved: Number(row.reserved) },
      holdings: holdings.map((h) => ({
        instrument: h.instrument,
        available: Number(h.available),
        reserved: Number(h.reserved),
        incoming: Number(h.incoming),
      })),
    };
  }
}
