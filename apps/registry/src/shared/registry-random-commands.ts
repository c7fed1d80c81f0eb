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
  | { op: 'msr'; year: number; upper: number; lower: number }
  | { op: 'custodyDeposit'; member: string; instrument: string; quantity: number }
  | { op: 'custodyRelease'; member: string; reference: string; instrument: string; quantity: number };

/**
 * The exchange's withdrawals by reference: a withdrawal message is a function of (member,
 * reference), so a reference a member used before is a redelivery of the same message. `w3`
 * asks more than custody ever holds; the others succeed or are refused by what it holds then.
 */
const WITHDRAWALS = {
  w1: { instrument: 'CQEA-2025', quantity: 40 },
  w2: { instrument: 'CQEA-2025', quantity: 150 },
  w3: { instrument: 'CQEA-2025', quantity: 1_000_000 },
  w4: { instrument: 'CQEA-2024', quantity: 40 },
  w5: { instrument: 'CQSO2', quantity: 30 },
  w6: { instrument: 'CQWR', quantity: 20 },
} as const;

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

/**
 * A member's units into CQ-EXCHANGE, mostly of the allowances firms hold; the government account,
 * another registry's instrument and a national one are refused.
 */
const custodyDeposit = fc.record({
  op: fc.constant('custodyDeposit' as const),
  member: fc.constantFrom(...FIRMS, ...FIRMS, 'CQ-GOVERNMENT'),
  instrument: fc.constantFrom(
    ...Array<string>(5).fill('CQEA-2025'),
    'CQEA-2024',
    'CQSO2',
    'CQWR',
    'SCEA-2025',
    'CCER',
  ),
  quantity: fc.integer({ min: 1, max: 200 }),
});

/** The exchange's withdrawal (a message on the registry-custody queue) back to the member. */
const custodyRelease = fc
  .record({
    member: firm,
    reference: fc.constantFrom<keyof typeof WITHDRAWALS>(
      'w1',
      'w1',
      'w1',
      'w2',
      'w2',
      'w3',
      'w4',
      'w5',
      'w6',
    ),
  })
  .map(({ member, reference }) => ({
    op: 'custodyRelease' as const,
    member,
    reference,
    ...WITHDRAWALS[reference],
  }));

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
  // Custody: a few times the weight of the others, so withdrawals meet deposits and redeliveries.
  { arbitrary: custodyDeposit, weight: 3 },
  { arbitrary: custodyRelease, weight: 3 },
);

/**
 * Auction A1 open with 300 units at a 10 fen reserve and every firm's guarantee posted, so bids can
 * land; every firm holding 200 allowances, so custody deposits (and then withdrawals) can too.
 */
export const OPENING_STEPS: readonly Step[] = [
  { op: 'schedule', auctionId: 'A1', supplyLots: 3, reservePriceFen: 10, clearAtReserve: false },
  // SO2 rights valid through 2026 for e1, some of them in custody: an expiry run of 2027 or later
  // meets expired units there (which must stay).
  { op: 'issue', to: 'e1', kind: 'POLLUTANT_SO2', vintage: 2025, quantity: 300, validThrough: 2026 },
  { op: 'custodyDeposit', member: 'e1', instrument: 'CQSO2', quantity: 100 },
  ...FIRMS.map((bidder) => ({ op: 'guarantee' as const, auctionId: 'A1', bidder, amountFen: 20_000 })),
  ...FIRMS.map((to) => ({
    op: 'transfer' as const,
    from: 'CQ-GOVERNMENT',
    to,
    kind: 'CARBON_ALLOWANCE' as const,
    quantity: 200,
  })),
];
