import fc from 'fast-check';
import type { InstrumentKind } from '@app/domain';

/**
 * Random registry command sequences for the invariant tests (property-based on the in-memory
 * twin, and one sequence replayed on PostgreSQL). Each step is a handler call over the port.
 */
export const FIRMS = ['e1', 'e2', 'e3'] as const;
const HOLDERS = ['CQ-GOVERNMENT', 'CQ-AUCTION', 'CQ-RESERVE', ...FIRMS];
export const LOT = 100;

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

/** Auction A1 open with 300 units at a 10 fen reserve and every firm's guarantee posted, so bids can land. */
export const OPENING_STEPS: readonly Step[] = [
  { op: 'schedule', auctionId: 'A1', supplyLots: 3, reservePriceFen: 10, clearAtReserve: false },
  ...FIRMS.map((bidder) => ({ op: 'guarantee' as const, auctionId: 'A1', bidder, amountFen: 20_000 })),
];
