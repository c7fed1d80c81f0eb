import type { DataSource } from 'typeorm';
import type { MessageTransport, Outbox } from '@app/messaging';
import type { InstrumentCatalogue } from '@app/platform';
import { AllocateUnits } from '../allocation/allocate-units/allocate-units.command';
import type { AllocateUnitsDto } from '../allocation/allocate-units/allocate-units.dto';
import { AllocateUnitsHandler } from '../allocation/allocate-units/allocate-units.handler';
import { DrawNewEntrantReserve } from '../allocation/draw-new-entrant-reserve/draw-new-entrant-reserve.command';
import { DrawNewEntrantReserveHandler } from '../allocation/draw-new-entrant-reserve/draw-new-entrant-reserve.handler';
import { TrueUpAllocation } from '../allocation/true-up/true-up.command';
import type { TrueUpDto } from '../allocation/true-up/true-up.dto';
import { TrueUpAllocationHandler } from '../allocation/true-up/true-up.handler';
import { CancelAuction } from '../auctions/cancel-auction/cancel-auction.command';
import { CancelAuctionHandler } from '../auctions/cancel-auction/cancel-auction.handler';
import { ClearAuction } from '../auctions/clear-auction/clear-auction.command';
import { ClearAuctionHandler } from '../auctions/clear-auction/clear-auction.handler';
import { PostBidGuarantee } from '../auctions/post-bid-guarantee/post-bid-guarantee.command';
import { PostBidGuaranteeHandler } from '../auctions/post-bid-guarantee/post-bid-guarantee.handler';
import { ScheduleAuction } from '../auctions/schedule-auction/schedule-auction.command';
import type { ScheduleAuctionDto } from '../auctions/schedule-auction/schedule-auction.dto';
import { ScheduleAuctionHandler } from '../auctions/schedule-auction/schedule-auction.handler';
import { SubmitBid } from '../auctions/submit-bid/submit-bid.command';
import { SubmitBidHandler } from '../auctions/submit-bid/submit-bid.handler';
import { CancelUnits } from '../cancellations/cancel-units/cancel-units.command';
import type { CancelUnitsDto } from '../cancellations/cancel-units/cancel-units.dto';
import { CancelUnitsHandler } from '../cancellations/cancel-units/cancel-units.handler';
import { SurrenderUnits } from '../compliance/surrender-units/surrender-units.command';
import type { SurrenderUnitsDto } from '../compliance/surrender-units/surrender-units.dto';
import { SurrenderUnitsHandler } from '../compliance/surrender-units/surrender-units.handler';
import { ExpireUnits } from '../expiry/expire-units/expire-units.command';
import { ExpireUnitsHandler } from '../expiry/expire-units/expire-units.handler';
import { IssueUnits } from '../issuance/issue-units/issue-units.command';
import type { IssueUnitsDto } from '../issuance/issue-units/issue-units.dto';
import { IssueUnitsHandler } from '../issuance/issue-units/issue-units.handler';
import { AdjustMsr } from '../reserves/adjust-msr/adjust-msr.command';
import type { AdjustMsrDto } from '../reserves/adjust-msr/adjust-msr.dto';
import { AdjustMsrHandler } from '../reserves/adjust-msr/adjust-msr.handler';
import { RetireUnits } from '../retirements/retire-units/retire-units.command';
import type { RetireUnitsDto } from '../retirements/retire-units/retire-units.dto';
import { RetireUnitsHandler } from '../retirements/retire-units/retire-units.handler';
import { TransferUnits } from '../transfers/transfer-units/transfer-units.command';
import type { TransferUnitsDto } from '../transfers/transfer-units/transfer-units.dto';
import { TransferUnitsHandler } from '../transfers/transfer-units/transfer-units.handler';
import {
  custodyWithdrawalCommandId,
  registryUnitsOf,
  type CustodyWithdrawalMessage,
} from '../../../exchange/src/custody/instrument-units';
import { DepositToCustody } from '../custody/deposit-to-custody/deposit-to-custody.command';
import { DepositToCustodyHandler } from '../custody/deposit-to-custody/deposit-to-custody.handler';
import { ReleaseFromCustodyConsumer } from '../custody/release-from-custody/release-from-custody.consumer';
import type { RegistryPort } from './registry-streams';
import { FIRMS, LOT, type Step } from './registry-random-commands';

/**
 * What the custody steps need besides the registry: the instrument catalogue, and the database
 * their outbox messages and `processed_messages` rows go to (PostgreSQL, or `InMemoryMessaging`
 * beside the in-memory twin).
 */
export interface CustodyDesk {
  readonly catalogue: InstrumentCatalogue;
  readonly dataSource: DataSource;
  readonly outbox: Outbox;
}

const move = (s: Extract<Step, { from: string }>, commandId: string) => ({
  commandId,
  actor: 'prop',
  from: s.from,
  quantity: s.quantity,
  kind: s.kind,
});

/** Runs one step as a handler call; the answer's `replayed` flag, or the thrown error. */
export async function runStep(
  port: RegistryPort,
  step: Step,
  commandId: string,
  desk: CustodyDesk,
): Promise<{ replayed: boolean }> {
  const actor = 'prop';
  switch (step.op) {
    case 'issue':
      return new IssueUnitsHandler(port).execute(
        new IssueUnits('CQ', {
          commandId,
          actor,
          accountId: step.to,
          kind: step.kind,
          vintage: step.vintage,
          quantity: step.quantity,
          ...(step.validThrough !== undefined ? { validThrough: step.validThrough } : {}),
        } as IssueUnitsDto),
      );
    case 'transfer':
      return new TransferUnitsHandler(port).execute(
        new TransferUnits('CQ', { ...move(step, commandId), to: step.to } as TransferUnitsDto),
      );
    case 'surrender':
      return new SurrenderUnitsHandler(port).execute(
        new SurrenderUnits('CQ', { ...move(step, commandId), complianceYear: 2025 } as SurrenderUnitsDto),
      );
    case 'retire':
      return new RetireUnitsHandler(port).execute(
        new RetireUnits('CQ', { ...move(step, commandId), beneficiary: 'someone' } as RetireUnitsDto),
      );
    case 'cancel':
      return new CancelUnitsHandler(port).execute(
        new CancelUnits('CQ', { ...move(step, commandId), reason: 'random' } as CancelUnitsDto),
      );
    case 'trueUp':
      return new TrueUpAllocationHandler(port).execute(
        new TrueUpAllocation('CQ', {
          commandId,
          actor,
          allocationCommandId: step.allocationId,
          firms: FIRMS.map((firmId, i) => ({
            firmId,
            lines: [{ output: step.outputs[i] ?? 0, benchmark: 877 }],
          })),
        } as TrueUpDto),
      );
    case 'draw':
      return new DrawNewEntrantReserveHandler(port).execute(
        new DrawNewEntrantReserve('CQ', {
          commandId,
          actor,
          allocationCommandId: step.allocationId,
          firmId: step.firm,
          quantity: step.quantity,
        }),
      );
    case 'allocate':
      return new AllocateUnitsHandler(port).execute(
        new AllocateUnits('CQ', {
          // A fixed id lets true-ups and new-entrant draws refer to the allocation.
          commandId: step.allocationId ?? commandId,
          actor,
          vintage: 2025,
          rules: {
            cap: step.cap,
            auctionShareBp: step.auctionShareBp,
            newEntrantReserveBp: step.newEntrantReserveBp,
            preAllocationShareBp: step.preAllocationShareBp,
            governmentReserveBp: 0,
            entitlementRounding: 'floor',
            scaling: 'largest-remainder',
          },
          firms: FIRMS.map((firmId, i) => ({ firmId, method: 'fixed', quantity: step.quantities[i] ?? 0 })),
        } as AllocateUnitsDto),
      );
    case 'schedule':
      return new ScheduleAuctionHandler(port).execute(
        new ScheduleAuction('CQ', {
          commandId,
          actor,
          auctionId: step.auctionId,
          vintage: 2025,
          auctionDate: '2025-06-15',
          supply: step.supplyLots * LOT,
          lotSize: LOT,
          reservePriceFen: step.reservePriceFen,
          maxBidderShareBp: 7500,
          tieBreak: { kind: 'seeded-random', seed: 11 },
          undersubscribed: step.clearAtReserve ? 'clear-at-reserve' : 'cancel',
        } as ScheduleAuctionDto),
      );
    case 'guarantee':
      return new PostBidGuaranteeHandler(port).execute(
        new PostBidGuarantee('CQ', step.auctionId, {
          commandId,
          actor,
          bidderId: step.bidder,
          amountFen: step.amountFen,
        }),
      );
    case 'bid':
      return new SubmitBidHandler(port).execute(
        new SubmitBid('CQ', step.auctionId, {
          commandId,
          actor,
          bidId: step.bidId,
          bidderId: step.bidder,
          priceFen: step.priceFen,
          quantity: step.lots * LOT,
        }),
      );
    case 'clear':
      return new ClearAuctionHandler(port).execute(
        new ClearAuction('CQ', step.auctionId, { commandId, actor }),
      );
    case 'cancelAuction':
      return new CancelAuctionHandler(port).execute(
        new CancelAuction('CQ', step.auctionId, { commandId, actor, reason: 'random' }),
      );
    case 'msr':
      return new AdjustMsrHandler(port).execute(
        new AdjustMsr('CQ', {
          commandId,
          actor,
          year: step.year,
          vintage: 2025,
          rules: { upper: step.upper, intakeRateBp: 2400, lower: step.lower, release: 300 },
        } as AdjustMsrDto),
      );
    case 'expire':
      return new ExpireUnitsHandler(port).execute(
        new ExpireUnits('CQ', { commandId, actor, asOfYear: step.asOfYear }),
      );
    case 'custodyDeposit':
      return new DepositToCustodyHandler(port, desk.catalogue, desk.outbox).execute(
        new DepositToCustody('CQ', {
          commandId,
          actor,
          memberId: step.member,
          instrument: step.instrument,
          quantity: step.quantity,
        }),
      );
    case 'custodyRelease':
      return deliverWithdrawal(port, step, desk);
  }
}

/**
 * Delivers the withdrawal to the custody consumer as the transport would (its id is the registry
 * command id). The consumer swallows a refusal (it answers the exchange instead), so the registry's
 * answer is watched: its refusal is thrown here like any other step's; a message the consumer
 * skipped as handled before answers as a replay.
 */
async function deliverWithdrawal(
  port: RegistryPort,
  step: Extract<Step, { op: 'custodyRelease' }>,
  desk: CustodyDesk,
): Promise<{ replayed: boolean }> {
  const instrument = desk.catalogue.get(step.instrument);
  if (!instrument) throw new Error(`unknown instrument ${step.instrument}`);
  const payload: CustodyWithdrawalMessage = {
    member: step.member,
    instrument: step.instrument,
    qty: step.quantity,
    reference: step.reference,
    units: registryUnitsOf(instrument),
  };
  let answer: { replayed: boolean } = { replayed: true };
  let refusal: unknown;
  const watched: RegistryPort = {
    load: (jurisdiction) => port.load(jurisdiction),
    execute: (context, plan) =>
      port.execute(context, plan).then(
        (outcome) => (answer = outcome),
        (error: unknown) => {
          refusal = error;
          throw error;
        },
      ),
  };
  await new ReleaseFromCustodyConsumer(desk.dataSource, watched, {} as MessageTransport, desk.outbox).handle({
    id: custodyWithdrawalCommandId(step.member, step.reference),
    name: 'CustodyWithdrawal',
    payload,
  });
  if (refusal !== undefined) throw refusal;
  return { replayed: answer.replayed };
}
