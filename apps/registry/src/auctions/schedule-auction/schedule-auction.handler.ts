import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { escalationSchedule } from '@app/allocation';
import type { LedgerCommand } from '@app/ledger';
import { poolKey, type AuctionScheduled } from '../../shared/auction-records';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { auctionLockId, ccrLockId } from '../shared/auction-guards';
import { ScheduleAuction } from './schedule-auction.command';
import type { ScheduleAuctionDto } from './schedule-auction.dto';

export const DEFAULT_LOT_SIZE = 1000;

const badRules = (message: string, field: string): RegistryError =>
  new RegistryError(REGISTRY_ERRORS.BAD_AUCTION_RULES, message, { field });

/** A fixed reserve, or the rule's base price escalated (compounded, rounded each year) to the auction year. */
export function reservePriceOf(body: ScheduleAuctionDto): number {
  const rule = body.reservePriceRule;
  if ((body.reservePriceFen === undefined) === (rule === undefined))
    throw badRules('give exactly one of reservePriceFen and reservePriceRule', 'reservePriceFen');
  if (rule === undefined) return body.reservePriceFen as number;
  const year = Number(body.auctionDate.slice(0, 4));
  if (rule.baseYear > year)
    throw badRules(`reserve rule base year ${rule.baseYear} is after ${year}`, 'reservePriceRule.baseYear');
  const schedule = escalationSchedule(
    rule.baseYear,
    rule.basePriceFen,
    year - rule.baseYear,
    rule.escalationBp,
    rule.rounding ?? 'half-up',
  );
  return (schedule.at(-1) as { priceFen: number }).priceFen;
}

/**
 * The offered units (the new supply plus, by default, whole lots carried forward from cancelled
 * auctions) are locked in the auction account, and any cost-containment units in the reserve
 * account, so no other auction or transfer can take them before clearing.
 */
export function planScheduleAuction(
  { jurisdiction, body }: ScheduleAuction,
  registry: LoadedRegistry,
): PlannedWork {
  const book = registry.records.auctionBook;
  const existing = book.auctions[body.auctionId];
  if (existing && existing.scheduled.commandId === body.commandId)
    return { records: [existing.scheduled], commands: lockCommands(jurisdiction, existing.scheduled) };
  if (existing || registry.records.auctions[body.auctionId])
    throw new RegistryError(REGISTRY_ERRORS.DUPLICATE_AUCTION, `auction ${body.auctionId} exists`, {
      field: 'auctionId',
    });
  const kind = body.kind ?? 'CARBON_ALLOWANCE';
  const lotSize = body.lotSize ?? DEFAULT_LOT_SIZE;
  if (body.supply % lotSize !== 0)
    throw badRules(`supply ${body.supply} is not a multiple of the lot ${lotSize}`, 'supply');
  const pool = book.carriedForward[poolKey(kind, body.vintage)] ?? 0;
  const carriedIn = body.includeCarriedForward === false ? 0 : Math.floor(pool / lotSize) * lotSize;
  const reservePriceFen = reservePriceOf(body);
  const ccr = body.costContainment;
  if (ccr && ccr.quantity % lotSize !== 0)
    throw badRules(
      `cost-containment quantity is not a multiple of the lot ${lotSize}`,
      'costContainment.quantity',
    );
  const scheduled: AuctionScheduled = {
    type: 'AuctionScheduled',
    commandId: body.commandId,
    auctionId: body.auctionId,
    kind,
    vintage: body.vintage,
    auctionDate: body.auctionDate,
    rules: {
      supply: body.supply + carriedIn,
      lotSize,
      reservePriceFen,
      tieBreak: { kind: body.tieBreak.kind, seed: body.tieBreak.seed },
      undersubscribed: body.undersubscribed ?? 'cancel',
      ...(body.maxBidderShareBp !== undefined ? { maxBidderShareBp: body.maxBidderShareBp } : {}),
      ...(body.cancelBelowPriceFen !== undefined ? { cancelBelowPriceFen: body.cancelBelowPriceFen } : {}),
      ...(body.cancelBelowSecondaryBp !== undefined
        ? { cancelBelowSecondaryBp: body.cancelBelowSecondaryBp }
        : {}),
      ...(ccr ? { costContainment: { triggerFen: ccr.triggerFen, available: ccr.quantity } } : {}),
    },
    carriedIn,
    lockId: auctionLockId(body.auctionId),
  };
  return { records: [scheduled], commands: lockCommands(jurisdiction, scheduled) };
}

function lockCommands(jurisdiction: ScheduleAuction['jurisdiction'], s: AuctionScheduled): LedgerCommand[] {
  const selection = (quantity: number) =>
    ({ by: 'quantity', quantity, jurisdiction, kind: s.kind, vintage: s.vintage }) as const;
  const commands: LedgerCommand[] = [
    {
      type: 'LockUnits',
      commandId: `${s.commandId}:lock`,
      accountId: systemAccountId(jurisdiction, 'AUCTION'),
      lockId: s.lockId,
      reason: `offered in auction ${s.auctionId}`,
      selection: selection(s.rules.supply),
    },
  ];
  const ccr = s.rules.costContainment;
  if (ccr)
    commands.push({
      type: 'LockUnits',
      commandId: `${s.commandId}:lock-ccr`,
      accountId: systemAccountId(jurisdiction, 'RESERVE'),
      lockId: ccrLockId(s.auctionId),
      reason: `cost-containment reserve for auction ${s.auctionId}`,
      selection: selection(ccr.available),
    });
  return commands;
}

@CommandHandler(ScheduleAuction)
export class ScheduleAuctionHandler implements ICommandHandler<ScheduleAuction> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: ScheduleAuction): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planScheduleAuction(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
