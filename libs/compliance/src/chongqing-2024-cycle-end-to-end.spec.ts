import { CHONGQING, previewAllocation } from '@app/allocation';
import {
  balanceOf,
  handle,
  initialState,
  supplyTotals,
  type LedgerCommand,
  type LedgerState,
} from '@app/ledger';
import { CHONGQING_COMPLIANCE } from './presets';
import { complianceStatus, summarizeCompliance } from './status';

const run = (s: LedgerState, cmds: readonly LedgerCommand[]): LedgerState =>
  cmds.reduce((st, c) => handle(st, c).state, s);

// One Chongqing compliance year through the three libraries: allocate, issue, trade, surrender, assess.
describe('Chongqing 2024 cycle: cap 1,000,000, 5 % government reserve, two firms', () => {
  const preview = previewAllocation(
    {
      cap: 1_000_000,
      auctionShareBp: 0,
      newEntrantReserveBp: 0,
      governmentReserveBp: CHONGQING.governmentReserveBp,
      entitlementRounding: 'floor',
      scaling: 'largest-remainder',
    },
    [
      {
        firmId: 'steel',
        basis: {
          method: 'grandfathering',
          historicEmissions: [600_000, 640_000],
          basis: 'max',
          factorBp: 9_587,
        },
      },
      {
        firmId: 'cement',
        basis: {
          method: 'grandfathering',
          historicEmissions: [380_000, 360_000],
          basis: 'max',
          factorBp: 9_587,
        },
      },
    ],
  );
  // 640,000 × 95.87 % = 613,568 and 380,000 × 95.87 % = 364,306 → 977,874 > free pool 950,000: scaled.
  const allocated = Object.fromEntries(preview.rows.map((r) => [r.firmId, r.allocated]));

  const cea = (quantity: number) =>
    ({ by: 'quantity', quantity, jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2024 }) as const;
  const s = run(initialState, [
    {
      type: 'OpenAccount',
      commandId: 'o1',
      accountId: 'cq-gov',
      accountType: 'GOVERNMENT',
      jurisdiction: 'CQ',
    },
    {
      type: 'OpenAccount',
      commandId: 'o2',
      accountId: 'steel',
      accountType: 'ENTERPRISE_HOLDING',
      jurisdiction: 'CQ',
    },
    {
      type: 'OpenAccount',
      commandId: 'o3',
      accountId: 'cement',
      accountType: 'ENTERPRISE_HOLDING',
      jurisdiction: 'CQ',
    },
    {
      type: 'OpenAccount',
      commandId: 'o4',
      accountId: 'cq-sur',
      accountType: 'SURRENDER',
      jurisdiction: 'CQ',
    },
    {
      type: 'IssueUnits',
      commandId: 'i1',
      accountId: 'cq-gov',
      jurisdiction: 'CQ',
      kind: 'CARBON_ALLOWANCE',
      vintage: 2024,
      quantity: 1_000_000,
    },
    {
      type: 'TransferUnits',
      commandId: 'a1',
      from: 'cq-gov',
      to: 'steel',
      selection: cea(allocated['steel']!),
    },
    {
      type: 'TransferUnits',
      commandId: 'a2',
      from: 'cq-gov',
      to: 'cement',
      selection: cea(allocated['cement']!),
    },
    // Cement sells 20,000 to steel on the exchange; settlement moves the serials.
    { type: 'TransferUnits', commandId: 'x1', from: 'cement', to: 'steel', selection: cea(20_000) },
    {
      type: 'SurrenderUnits',
      commandId: 's1',
      from: 'steel',
      to: 'cq-sur',
      selection: cea(616_000),
      complianceYear: 2024,
    },
    {
      type: 'SurrenderUnits',
      commandId: 's2',
      from: 'cement',
      to: 'cq-sur',
      selection: cea(330_000),
      complianceYear: 2024,
    },
  ]);

  it('allocates within the free pool and keeps the 50,000 government reserve', () => {
    expect(preview.freePool).toBe(950_000);
    expect(preview.totalAllocated).toBe(950_000);
    // Exact shares 596,078.43 / 353,921.57: floors leave 1 unit, which goes to the larger remainder (cement).
    expect(allocated).toEqual({ steel: 596_078, cement: 353_922 });
    expect(balanceOf(s, 'cq-gov')).toBe(50_000);
    expect([balanceOf(s, 'steel'), balanceOf(s, 'cement')]).toEqual([78, 3_922]);
    expect(supplyTotals(s).get('CQ|CARBON_ALLOWANCE|2024')).toEqual(
      expect.objectContaining({ issued: 1_000_000, held: 54_000, surrendered: 946_000 }),
    );
  });

  it('assesses the surrendered units against verified emissions', () => {
    const surrendered = (firm: string, verified: number, quantity: number) =>
      complianceStatus(
        CHONGQING_COMPLIANCE,
        {
          firmId: firm,
          complianceYear: 2024,
          verifiedEmissions: verified,
          allowances: [{ vintage: 2024, quantity }],
          credits: [],
        },
        { avgPriceLastMonthFen: 3_600 },
      );
    const steel = surrendered('steel', 625_000, 616_000);
    const cement = surrendered('cement', 330_000, 330_000);
    expect([steel.state, steel.shortfall, steel.penalty.fineFen]).toEqual(['SHORTFALL', 9_000, 162_000_000]);
    expect(cement.state).toBe('COMPLIANT');
    expect(summarizeCompliance('CQ', 2024, [steel, cement])).toEqual(
      expect.objectContaining({
        firms: 2,
        compliant: 1,
        complianceRateBp: 5_000,
        shortfall: 9_000,
        nextYearDeduction: 9_000,
      }),
    );
  });
});
