import fc from 'fast-check';
import type { InstrumentKind } from '@app/domain';
import { allPieces, rangeSize, supplyTotals } from '@app/ledger';
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
import type { LoadedRegistry } from './registry-state';
import type { RegistryPort } from './registry-streams';

/**
 * Random registry command sequences for the invariant tests (property-based on the in-memory
 * twin, and one sequence replayed on PostgreSQL). Each step is a handler call over the port.
 */
export const FIRMS = ['e1', 'e2', 'e3'] as const;
const HOLDERS = ['CQ-GOVERNMENT', 'CQ-AUCTION', 'CQ-RESERVE', ...FIRMS];
const LOT = 100;

export type Step =
  | {
      op: 'issue';
      to: string;
      kind: InstrumentKind;
      vintage: number;
      quantity: number;
      validThrough?: number;
    }
  | {
      op: 'transfer' | 'surrender' | 'retire' | 'cancel';
      from: string;
      to: string;
      kind: InstrumentKind;
      quantity: number;
    }
  | {
      op: 'allocate';
      allocationId?: string;
      cap: number;
      auctionShareBp: number;
      newEntrantReserveBp: number;
      preAllocationShareBp: number;
      quantities: number[];
    }
  | { op: 'trueUp'; allocationId: string; outputs: number[] }
  | { op: 'draw'; allocationId: string; firm: string; quantity: number }
  | {
      op: 'schedule';
      auctionId: string;
      supplyLots: number;
      reservePriceFen: number;
      clearAtReserve: boolean;
    }
  | { op: 'guarantee'; auctionId: string; bidder: string; amountFen: number }
  | { op: 'bid'; auctionId: string; bidder: string; bidId: string; priceFen: number; lots: number }
  | { op: 'clear' | 'cancelAuction'; auctionId: string }
  | { op: 'expire'; asOfYear: number }
  | { op: 'msr'; year: number; upper: number; lower: number };

const kind = fc.constantFrom<InstrumentKind>(
  'CARBON_ALLOWANCE',
  'CARBON_ALLOWANCE',
  'CARBON_ALLOWANCE',
  'POLLUTANT_SO2',
  'WATER_USE',
);
const auctionId = fc.constantFrom('A1', 'A1', 'A1', 'A2', 'A3', 'A4');
const holder = fc.constantFrom('CQ-GOVERNMENT', 'CQ-GOVERNMENT', ...FIRMS, ...HOLDERS);
const firm = fc.constantFrom(...FIRMS);
const allocationId = fc.constantFrom('alloc-1', 'alloc-2');

// Weighted towards commands that can succeed, so every kind commits in a run of a few dozen sequences.
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('issue' as const),
    to: fc.constantFrom('CQ-GOVERNMENT', 'CQ-AUCTION', 'CQ-RESERVE', 'e1'),
    kind,
    vintage: fc.constantFrom(2024, 2025),
    quantity: fc.integer({ min: 1, max: 800 }),
    validThrough: fc.option(fc.constantFrom(2025, 2026, 2027), { nil: undefined }),
  }),
  fc.record({
    op: fc.constantFrom('transfer' as const, 'surrender' as const, 'retire' as const, 'cancel' as const),
    from: holder,
    to: holder,
    kind,
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record(
    {
      op: fc.constant('allocate' as const),
      allocationId: allocationId,
      cap: fc.integer({ min: 0, max: 1500 }),
      auctionShareBp: fc.constantFrom(0, 2000, 5000),
      newEntrantReserveBp: fc.constantFrom(0, 1000),
      preAllocationShareBp: fc.constantFrom(7000, 10_000),
      quantities: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 3, maxLength: 3 }),
    },
    {
      requiredKeys: [
        'op',
        'cap',
        'auctionShareBp',
        'newEntrantReserveBp',
        'preAllocationShareBp',
        'quantities',
      ],
    },
  ),
  fc.record({
    op: fc.constant('trueUp' as const),
    allocationId,
    // Final benchmark allocation = output × 0.877 t/MWh.
    outputs: fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 3, maxLength: 3 }),
  }),
  fc.record({
    op: fc.constant('draw' as const),
    allocationId,
    firm,
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    op: fc.constant('schedule' as const),
    auctionId,
    supplyLots: fc.integer({ min: 2, max: 4 }),
    reservePriceFen: fc.integer({ min: 1, max: 50 }),
    clearAtReserve: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('guarantee' as const),
    auctionId,
    bidder: firm,
    amountFen: fc.integer({ min: 1_000, max: 30_000 }),
  }),
  fc.record({
    op: fc.constant('bid' as const),
    auctionId,
    bidder: firm,
    bidId: fc.constantFrom('b1', 'b2', 'b3', 'b4'),
    priceFen: fc.integer({ min: 0, max: 80 }),
    lots: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ op: fc.constantFrom('clear' as const, 'cancelAuction' as const), auctionId }),
  fc.record({ op: fc.constant('expire' as const), asOfYear: fc.integer({ min: 2025, max: 2031 }) }),
  fc.record({
    op: fc.constant('msr' as const),
    year: fc.integer({ min: 2025, max: 2027 }),
    upper: fc.integer({ min: 0, max: 1500 }),
    lower: fc.integer({ min: 0, max: 1500 }),
  }),
);

const move = (s: Extract<Step, { from: string }>, commandId: string) => ({
  commandId,
  actor: 'prop',
  from: s.from,
  quantity: s.quantity,
  kind: s.kind,
});

/** Auction A1 open with 300 units at a 10 fen reserve and every firm's guarantee posted, so bids can land. */
export const OPENING_STEPS: readonly Step[] = [
  { op: 'schedule', auctionId: 'A1', supplyLots: 3, reservePriceFen: 10, clearAtReserve: false },
  ...FIRMS.map((bidder) => ({ op: 'guarantee' as const, auctionId: 'A1', bidder, amountFen: 20_000 })),
];

/** Runs one step as a handler call; the answer's `replayed` flag, or the thrown error. */
export async function runStep(
  port: RegistryPort,
  step: Step,
  commandId: string,
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
  }
}

/** The registry's conservation laws; returns the broken ones (empty when all hold). */
export function brokenInvariants(registry: LoadedRegistry): string[] {
  const broken: string[] = [];
  const { ledger, records } = registry;
  for (const [key, t] of supplyTotals(ledger))
    if (t.issued !== t.held + t.surrendered + t.cancelled + t.retired)
      broken.push(`${key}: issued ${t.issued} ≠ held + surrendered + cancelled + retired`);
  let lastEnd = 0;
  for (const p of allPieces(ledger)) {
    if (rangeSize(p) <= 0) broken.push(`empty or negative piece ${p.start}-${p.end} in ${p.accountId}`);
    if (p.start <= lastEnd) broken.push(`serial ${p.start} is in two places`);
    lastEnd = Math.max(lastEnd, p.end);
  }
  for (const auction of Object.values(records.auctionBook.auctions)) {
    const id = auction.scheduled.auctionId;
    for (const [bidder, g] of Object.entries(auction.guarantees)) {
      const bidValue = auction.bids
        .filter((b) => b.bidderId === bidder)
        .reduce((s, b) => s + b.priceFen * b.quantity, 0);
      if (g.reservedFen + g.paidFen + g.releasedFen > g.postedFen)
        broken.push(`${id}/${bidder}: cash over-committed`);
      if (auction.status === 'open' && g.reservedFen !== bidValue)
        broken.push(`${id}/${bidder}: reserved ≠ bids`);
      if (auction.status !== 'open' && g.postedFen !== g.paidFen + g.releasedFen)
        broken.push(`${id}/${bidder}: guarantee not settled`);
    }
    const locked = allPieces(ledger)
      .filter((p) => p.lockId === auction.scheduled.lockId)
      .reduce((s, p) => s + rangeSize(p), 0);
    if (locked !== (auction.status === 'open' ? auction.scheduled.rules.supply : 0))
      broken.push(`${id}: ${locked} units locked while ${auction.status}`);
  }
  for (const a of Object.values(records.allocations))
    if ((records.newEntrantDrawn[a.allocationCommandId] ?? 0) > a.newEntrantReserve)
      broken.push(`${a.allocationCommandId}: new-entrant draws exceed the reserve`);
  for (const [key, n] of Object.entries(records.auctionBook.carriedForward))
    if (n < 0) broken.push(`carried-forward pool ${key} is negative`);
  return broken;
}
