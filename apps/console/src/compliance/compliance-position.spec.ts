import { compliancePosition } from './compliance-position';

const account = {
  holdings: [
    { kind: 'CARBON_ALLOWANCE', vintage: 2024, quantity: 100, locked: 0 },
    { kind: 'CARBON_ALLOWANCE', vintage: 2025, quantity: 800, locked: 50 },
    { kind: 'CARBON_ALLOWANCE', vintage: 2026, quantity: 999, locked: 0 }, // not yet usable for 2025
    { kind: 'CCER', vintage: 2023, quantity: 999, locked: 0 },
  ],
};

describe('compliancePosition', () => {
  it('counts banked and current-vintage allowances, not future vintages, credits or locked units', () => {
    const p = compliancePosition(
      2025,
      { firmId: 'f', reportedEmissions: 1000, verifiedEmissions: 1200, surrendered: 200 },
      account,
    );
    expect(p).toEqual({
      year: 2025,
      emissions: 1200,
      verified: true,
      surrendered: 200,
      eligibleHeld: 850,
      due: 1000,
      shortfall: 150,
    });
  });

  it('uses the reported figure until verified, and owes nothing before a report', () => {
    expect(
      compliancePosition(2025, { firmId: 'f', reportedEmissions: 500, surrendered: 0 }, account),
    ).toMatchObject({
      emissions: 500,
      verified: false,
      shortfall: 0,
    });
    expect(compliancePosition(2025, undefined, undefined)).toMatchObject({
      emissions: undefined,
      due: 0,
      shortfall: 0,
    });
  });

  it('owes nothing more once enough is surrendered', () => {
    expect(
      compliancePosition(2025, { firmId: 'f', verifiedEmissions: 300, surrendered: 300 }, account),
    ).toMatchObject({ due: 0, shortfall: 0 });
  });
});
