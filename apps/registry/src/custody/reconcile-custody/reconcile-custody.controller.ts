import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource, type EntityManager } from 'typeorm';
import { mapGet } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import {
  CUSTODY_WITHDRAWAL_REFUSED,
  custodyWithdrawalCommandId,
  custodyWithdrawalRefusedMessageId,
  EXCHANGE_CUSTODY_QUEUE,
  REGISTRY_CUSTODY_QUEUE,
} from '../../../../exchange/src/custody/instrument-units';
import { EXCHANGE_CUSTODY_CONSUMER } from '../../../../exchange/src/custody/custody-deposit.consumer';
import { parseRegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { RegistryStreams } from '../../shared/registry-streams';
import { reconcileCustody, type CustodyLine } from './custody-reconciliation';

type Sums = Map<string, number>;
const sums = (rows: { instrument: string; qty: string | number }[]): Sums =>
  new Map(rows.map((r) => [r.instrument, Number(r.qty)]));

/**
 * Both sides of the exchange's custody in one registry, read in one snapshot of the shared
 * database: the units in `{j}-EXCHANGE` and the members' exchange holdings, per instrument.
 */
@ApiTags('registry custody')
@Controller('registries/:jurisdiction/custody-reconciliation')
export class ReconcileCustodyController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryStreams,
    private readonly catalogue: InstrumentCatalogue,
  ) {}

  @Get()
  @ApiParam({ name: 'jurisdiction', enum: ['CQ', 'SC'] })
  @ApiOkResponse({
    description:
      'Per instrument: registry (units in custody), exchange (members’ available + reserved), moves in flight, difference (0 when consistent)',
  })
  @ApiNotFoundResponse({ description: 'No such registry' })
  get(@Param('jurisdiction') jurisdiction: string): Promise<CustodyLine[]> {
    const j = parseRegistryJurisdiction(jurisdiction);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const loaded = await this.registry.load(j, manager);
      const withdrawals = await pendingWithdrawals(manager);
      return reconcileCustody(j, loaded.ledger, this.catalogue.list(), {
        holdings: sums(
          await manager.query(
            'SELECT instrument, sum(available + reserved) AS qty FROM clearing_holdings GROUP BY instrument',
          ),
        ),
        depositsInFlight: sums(
          await manager.query(
            `SELECT o.payload->>'instrument' AS instrument, sum((o.payload->>'qty')::bigint) AS qty
             FROM outbox o
             WHERE o.queue = $1 AND NOT EXISTS (
               SELECT 1 FROM processed_messages p WHERE p.consumer = $2 AND p.message_id = o.message_id)
             GROUP BY 1`,
            [EXCHANGE_CUSTODY_QUEUE, EXCHANGE_CUSTODY_CONSUMER],
          ),
        ),
        withdrawalsInFlight: sums(
          withdrawals
            .filter(
              (w) =>
                mapGet(loaded.ledger.processed, custodyWithdrawalCommandId(w.member, w.reference)) ===
                undefined,
            )
            .map((w) => ({ instrument: w.instrument, qty: w.qty })),
        ),
      });
    });
  }
}

/** Withdrawals the exchange debited, less those the registry refused (credited back on the exchange). */
async function pendingWithdrawals(
  manager: EntityManager,
): Promise<{ member: string; reference: string; instrument: string; qty: number }[]> {
  const rows: { payload: { member: string; reference: string; instrument: string; qty: number } }[] =
    await manager.query('SELECT payload FROM outbox WHERE queue = $1', [REGISTRY_CUSTODY_QUEUE]);
  const refused = new Set(
    (
      (await manager.query('SELECT message_id FROM outbox WHERE queue = $1 AND name = $2', [
        EXCHANGE_CUSTODY_QUEUE,
        CUSTODY_WITHDRAWAL_REFUSED,
      ])) as { message_id: string }[]
    ).map((r) => r.message_id),
  );
  return rows
    .map((r) => r.payload)
    .filter((w) => !refused.has(custodyWithdrawalRefusedMessageId(w.member, w.reference)));
}
