import {
  AllocationForm,
  buildAllocationTable,
  firmsOfAccounts,
  initialAllocationForm,
  percentToBp,
} from './allocation-form';

const form: AllocationForm = {
  vintage: '2025',
  cap: '1000',
  auctionSharePct: '10',
  governmentReservePct: '5',
  newEntrantReservePct: '0',
  factorPct: '90',
  firms: [
    { firmId: 'sc-cement-001', historicEmissions: '420' },
    { firmId: 'sc-power-001', historicEmissions: '500' },
  ],
};

describe('allocation form', () => {
  it('builds the registry request: shares in basis points, grandfathering on the typed emissions', () => {
    expect(buildAllocationTable(form)).toEqual({
      errors: {},
      vintage: 2025,
      table: {
        rules: {
          cap: 1000,
          auctionShareBp: 1000,
          governmentReserveBp: 500,
          newEntrantReserveBp: 0,
          entitlementRounding: 'half-up',
          scaling: 'largest-remainder',
        },
        firms: [
          {
            firmId: 'sc-cement-001',
            method: 'grandfathering',
            historicEmissions: [420],
            basis: 'max',
            factorBp: 9000,
          },
          {
            firmId: 'sc-power-001',
            method: 'grandfathering',
            historicEmissions: [500],
            basis: 'max',
            factorBp: 9000,
          },
        ],
      },
    });
  });

  it('names each bad field and builds nothing', () => {
    const { table, errors } = buildAllocationTable({
      ...form,
      cap: '-5',
      factorPct: '101',
      firms: [{ firmId: 'sc-cement-001', historicEmissions: 'x' }],
    });
    expect(table).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['cap', 'factorPct', 'firm.sc-cement-001']);
  });

  it('refuses shares that add up to more than the cap', () => {
    const { errors } = buildAllocationTable({ ...form, auctionSharePct: '60', governmentReservePct: '50' });
    expect(errors.auctionSharePct).toEqual({ key: 'errors.sharesAbove100' });
  });

  it('refuses an empty firm list', () => {
    expect(buildAllocationTable({ ...form, firms: [] }).errors.firms).toEqual({ key: 'errors.noFirms' });
  });

  it.each([
    ['12.5', 1250],
    ['0', 0],
    ['100', 10000],
    ['0.01', 1],
  ])('reads %s %% as %d bp', (text, bp) => expect(percentToBp(text)).toBe(bp));

  it.each(['', '-1', '1.234', 'ten'])('refuses %p as a percentage', (text) =>
    expect(percentToBp(text)).toBeUndefined(),
  );
});

describe('the firms an allocation starts from', () => {
  it("lists a registry's enterprise holding accounts, without the exchange's custody account", () => {
    expect(
      firmsOfAccounts([
        {
          accountId: 'CQ-EXCHANGE',
          accountType: 'ENTERPRISE_HOLDING',
          ownerId: 'exchange',
          total: 5,
          locked: 0,
        },
        { accountId: 'cq-cement-002', accountType: 'ENTERPRISE_HOLDING', total: 0, locked: 0 },
        { accountId: 'CQ-GOVERNMENT', accountType: 'GOVERNMENT', total: 900, locked: 0 },
        {
          accountId: 'cq-steel-001',
          accountType: 'ENTERPRISE_HOLDING',
          ownerId: 'steel',
          total: 9,
          locked: 1,
        },
      ]),
    ).toEqual([{ firmId: 'cq-cement-002' }, { firmId: 'cq-steel-001' }]);
  });

  it('starts from known emissions with a cap at their sum, and leaves both blank where one is unknown', () => {
    const known = initialAllocationForm([
      { firmId: 'a', emissions: 420 },
      { firmId: 'b', emissions: 500 },
    ]);
    expect(known.cap).toBe('920');
    expect(known.firms).toEqual([
      { firmId: 'a', historicEmissions: '420' },
      { firmId: 'b', historicEmissions: '500' },
    ]);
    expect(buildAllocationTable(known).errors).toEqual({});

    const typed = initialAllocationForm([{ firmId: 'a', emissions: 420 }, { firmId: 'b' }]);
    expect(typed.cap).toBe('');
    expect(typed.firms[1]).toEqual({ firmId: 'b', historicEmissions: '' });
    // Nothing is issued on a guess: the regulator must type the cap and the missing emissions.
    expect(Object.keys(buildAllocationTable(typed).errors).sort()).toEqual(['cap', 'firm.b']);
  });

  it('refuses to start an allocation with no firm at all', () => {
    const empty = initialAllocationForm([]);
    expect(empty.cap).toBe('');
    expect(buildAllocationTable(empty).errors).toMatchObject({ firms: { key: 'errors.noFirms' } });
  });
});
