import { FreeAllocationTally } from './free-allocation-tally';

const CQEA_2025 = { jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2025 };
const transfer = (commandId: string, to: string, quantity: number) => ({
  type: 'UnitsTransferred',
  data: { commandId, from: 'CQ-GOV', to, quantity },
});
const issued = (allocationCommandId: string, vintage = 2025) => ({
  type: 'AllocationIssued',
  data: {
    commandId: `${allocationCommandId}:issued`,
    allocationCommandId,
    kind: 'CARBON_ALLOWANCE',
    vintage,
  },
});

describe('FreeAllocationTally (free allocations from a registry’s events)', () => {
  it('counts an allocation’s transfers to firms and its new-entrant draws, whatever order they arrive in', () => {
    const tally = new FreeAllocationTally('CQ');
    tally.apply(transfer('alloc-25:to:steel', 'cq-steel', 700));
    expect(tally.freeAllocationOf('cq-steel', CQEA_2025)).toBe(0); // not yet known as an allocation
    tally.apply(issued('alloc-25'));
    tally.apply(transfer('alloc-25:auction-pool', 'CQ-AUCTION', 5000));
    tally.apply({
      type: 'NewEntrantReserveDrawn',
      data: {
        allocationCommandId: 'alloc-25',
        firmId: 'steel',
        accountId: 'cq-steel',
        requested: 50,
        granted: 40,
      },
    });
    expect(tally.freeAllocationOf('cq-steel', CQEA_2025)).toBe(740);
    expect(tally.freeAllocationOf('CQ-AUCTION', CQEA_2025)).toBe(0);
  });

  it('keeps vintages and registries apart, and sums the vintages for an instrument without one', () => {
    const tally = new FreeAllocationTally('CQ');
    tally.apply(issued('alloc-24', 2024));
    tally.apply(transfer('alloc-24:to:steel', 'cq-steel', 300));
    tally.apply(issued('alloc-25'));
    tally.apply(transfer('alloc-25:to:steel', 'cq-steel', 700));
    expect(tally.freeAllocationOf('cq-steel', CQEA_2025)).toBe(700);
    expect(tally.freeAllocationOf('cq-steel', { ...CQEA_2025, vintage: 2024 })).toBe(300);
    expect(tally.freeAllocationOf('cq-steel', { jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE' })).toBe(1000);
    expect(tally.freeAllocationOf('cq-steel', { ...CQEA_2025, jurisdiction: 'SC' })).toBe(0);
  });

  it('does not count an allocation that was charged for', () => {
    const tally = new FreeAllocationTally('CQ');
    tally.apply(issued('alloc-paid'));
    tally.apply(transfer('alloc-paid:to:steel', 'cq-steel', 700));
    tally.apply({ type: 'AllocationCharged', data: { commandId: 'alloc-paid:charge' } });
    expect(tally.freeAllocationOf('cq-steel', CQEA_2025)).toBe(0);
  });
});
