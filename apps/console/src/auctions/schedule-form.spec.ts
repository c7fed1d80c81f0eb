import { AuctionForm, buildScheduleAuction, isCalendarDay, nextAuctionId } from './schedule-form';

const form: AuctionForm = {
  auctionId: 'CQ-2025-A1',
  vintage: '2025',
  auctionDate: '2025-06-15',
  supply: '20000',
  lotSize: '1000',
  reservePrice: '30.50',
  maxBidderSharePct: '25',
  undersubscribed: 'cancel',
  seed: '20250615',
};

describe('the auction schedule form', () => {
  it('builds the registry body: the reserve in fen, the bidder cap in basis points, a seeded tie-break', () => {
    expect(buildScheduleAuction(form)).toEqual({
      errors: {},
      body: {
        auctionId: 'CQ-2025-A1',
        kind: 'CARBON_ALLOWANCE',
        vintage: 2025,
        auctionDate: '2025-06-15',
        supply: 20000,
        lotSize: 1000,
        reservePriceFen: 3050,
        maxBidderShareBp: 2500,
        undersubscribed: 'cancel',
        tieBreak: { kind: 'seeded-random', seed: 20250615 },
      },
    });
  });

  it('leaves the bidder cap out when the field is empty', () => {
    expect(buildScheduleAuction({ ...form, maxBidderSharePct: ' ' }).body).not.toHaveProperty(
      'maxBidderShareBp',
    );
  });

  it('names each field the registry would refuse, and builds nothing', () => {
    const { body, errors } = buildScheduleAuction({
      ...form,
      auctionId: '-bad id',
      vintage: '1800',
      auctionDate: '15/06/2025',
      lotSize: '0',
      reservePrice: '30.505',
      maxBidderSharePct: '0',
      seed: '1.5',
    });
    expect(body).toBeUndefined();
    expect(errors).toEqual({
      auctionId: { key: 'errors.auctionId' },
      vintage: { key: 'errors.wholeBetween', params: { min: 1900, max: 9999 } },
      auctionDate: { key: 'errors.date' },
      lotSize: { key: 'errors.wholeNumber', params: { min: 1 } },
      reservePrice: { key: 'errors.yuan' },
      maxBidderSharePct: { key: 'errors.sharePct' },
      seed: { key: 'errors.integer' },
    });
  });

  it('refuses a supply that is not a whole number of lots', () => {
    expect(buildScheduleAuction({ ...form, supply: '2500' }).errors).toEqual({
      supply: { key: 'errors.offLot', params: { lot: 1000 } },
    });
  });

  it('refuses a supply above what the auction account holds unlocked of that vintage', () => {
    const unlocked = (vintage: number) => (vintage === 2025 ? 15_000 : 0);
    expect(buildScheduleAuction(form, { unlockedInAuctionAccount: unlocked }).errors).toEqual({
      supply: { key: 'errors.auctionAccountShort', params: { available: 15_000 } },
    });
    expect(
      buildScheduleAuction({ ...form, supply: '15000' }, { unlockedInAuctionAccount: unlocked }).body?.supply,
    ).toBe(15_000);
  });

  it('refuses an id the province has already used', () => {
    expect(buildScheduleAuction(form, { existingIds: ['CQ-2025-A1'] }).errors).toEqual({
      auctionId: { key: 'errors.auctionExists' },
    });
  });

  it('proposes the next free id of the day', () => {
    expect(nextAuctionId('SC', '2026-11-24', [])).toBe('SC-20261124-A1');
    expect(nextAuctionId('SC', '2026-11-24', ['SC-20261124-A1', 'SC-20261124-A2'])).toBe('SC-20261124-A3');
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-15', false],
  ])('reads %s as a calendar day: %s', (text, ok) => expect(isCalendarDay(text)).toBe(ok));
});
