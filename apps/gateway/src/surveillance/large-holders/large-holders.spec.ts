import { DEFAULT_DISCLOSURE_OVER_ALLOCATION, largeHolders } from './large-holders';

describe('large-holder disclosure', () => {
  const allocations: Record<string, number> = { 'steel\0CQEA-2025': 800_000 };
  const allocationOf = (member: string, instrument: string) => allocations[`${member}\0${instrument}`] ?? 0;

  it('lists a holder from its free allocation plus the threshold, and one without allocation from the threshold', () => {
    const listed = largeHolders(
      [
        { member: 'steel', instrument: 'CQEA-2025', held: 1_300_000 }, // exactly 800,000 + 500,000
        { member: 'steel', instrument: 'CQEA-2024', held: 499_999 }, // no allocation of it, below
        { member: 'fund', instrument: 'CQEA-2025', held: 600_000 }, // no allocation, over by 100,000
        { member: 'cement', instrument: 'CQEA-2025', held: 1_000_000 },
      ],
      allocationOf,
      DEFAULT_DISCLOSURE_OVER_ALLOCATION,
    );
    expect(listed).toEqual([
      {
        member: 'cement',
        instrument: 'CQEA-2025',
        held: 1_000_000,
        freeAllocation: 0,
        threshold: 500_000,
        excess: 500_000,
      },
      {
        member: 'fund',
        instrument: 'CQEA-2025',
        held: 600_000,
        freeAllocation: 0,
        threshold: 500_000,
        excess: 100_000,
      },
      {
        member: 'steel',
        instrument: 'CQEA-2025',
        held: 1_300_000,
        freeAllocation: 800_000,
        threshold: 1_300_000,
        excess: 0,
      },
    ]);
  });

  it('does not list a compliance firm holding less than its allocation plus the threshold', () => {
    expect(
      largeHolders([{ member: 'steel', instrument: 'CQEA-2025', held: 1_299_999 }], allocationOf, 500_000),
    ).toEqual([]);
  });
});
