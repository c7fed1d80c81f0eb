import { balanceOf } from '@app/ledger';
import type { InMemoryRegistry } from '../../shared/in-memory-registry';
import { givenRegistry } from '../../shared/registry-fixture';
import { auctionView } from '../get-auction/auction.view';
import { auctionSteps } from '../shared/auction-fixture';
import { ClearAuction } from './clear-auction.command';
import { ClearAuctionHandler } from './clear-auction.handler';

const holdings = async (registry: InMemoryRegistry, accounts: string[]) => {
  const { ledger } = await registry.load('CQ');
  return accounts.map((a) => balanceOf(ledger, a));
};
const view = async (registry: InMemoryRegistry, id = 'A1') => {
  const { records } = await registry.load('CQ');
  return auctionView(records, records.auctionBook.auctions[id]!);
};

describe('a scheduled auction, cleared from the bids on record', () => {
  // Supply 3,000 at a 30.00 reserve, pro-rata ties. steel bids 1,000 at 36.00 and 1,000 at 35.00,
  // cement 2,000 at 35.00. The 35.00 level (3,000) meets the 2,000 left: 2 lots pro rata 1 : 2
  // → steel 0.67, cement 1.33 → floors 0 and 1, the last lot to the larger remainder (steel).
  // Clearing 35.00: steel 2,000 pays 70,000.00, cement 1,000 pays 35,000.00; the rest is released.
  const setup = async () => {
    const registry = await givenRegistry('CQ', {
      accounts: ['steel', 'cement', 'glass'],
      allowances: [{ accountId: 'CQ-AUCTION', vintage: 2025, quantity: 5000 }],
    });
    const steps = auctionSteps(registry);
    await steps.schedule();
    await steps.guarantee('steel', 8_000_000);
    await steps.guarantee('cement', 8_000_000);
    await steps.guarantee('glass', 1_000_000);
    await steps.bid('s1', 'steel', 3600, 1000);
    await steps.bid('s2', 'steel', 3500, 1000);
    await steps.bid('c1', 'cement', 3500, 2000);
    return { registry, steps };
  };

  it('locks the offered units when scheduled, so they cannot be offered twice', async () => {
    const { registry, steps } = await setup();
    await expect(steps.schedule({ auctionId: 'A2', supply: 3000 })).rejects.toMatchObject({
      code: 'LEDGER.UNITS_LOCKED',
    });
    expect((await registry.load('CQ')).records.auctionBook.auctions.A2).toBeUndefined();
  });

  it('delivers the awards, takes the payments from the guarantees and releases the rest', async () => {
    const { registry, steps } = await setup();
    const cleared = await steps.clear();
    expect(cleared.result).toMatchObject({ status: 'cleared', clearingPriceFen: 3500, sold: 3000 });
    expect(cleared.awards.map((a) => [a.bidderId, a.quantity])).toEqual([
      ['cement', 1000],
      ['steel', 2000],
    ]);
    expect(await holdings(registry, ['steel', 'cement', 'CQ-AUCTION', 'CQ-RESERVE'])).toEqual([
      2000, 1000, 2000, 0,
    ]);
    const v = await view(registry);
    expect(v.guarantees).toEqual({
      cement: { postedFen: 8_000_000, reservedFen: 0, paidFen: 3_500_000, releasedFen: 4_500_000 },
      glass: { postedFen: 1_000_000, reservedFen: 0, paidFen: 0, releasedFen: 1_000_000 },
      steel: { postedFen: 8_000_000, reservedFen: 0, paidFen: 7_000_000, releasedFen: 1_000_000 },
    });
    expect(v.result).toMatchObject({
      status: 'cleared',
      clearingPriceFen: 3500,
      sold: 3000,
      bids: 3,
      bidders: 2,
      winners: 2,
      bidVolume: 4000,
      coverageBp: 13_333,
      coverageRatio: '1.33',
      revenueFen: 10_500_000,
      toReserve: 0,
    });
  });

  it('answers a retried clearing with the first answer and refuses a second clearing', async () => {
    const { steps } = await setup();
    const first = await steps.clear();
    expect(await steps.clear()).toEqual({ ...first, replayed: true });
    await expect(steps.clear('A1', 'clear-again')).rejects.toMatchObject({
      code: 'REGISTRY.AUCTION_STATUS_CONFLICT',
    });
    await expect(steps.bid('late', 'glass', 9000, 1000)).rejects.toMatchObject({
      code: 'REGISTRY.AUCTION_STATUS_CONFLICT',
    });
  });

  it('cancels when bids fall short of the volume and carries the volume into the next auction', async () => {
    const registry = await givenRegistry('CQ', {
      accounts: ['steel'],
      allowances: [{ accountId: 'CQ-AUCTION', vintage: 2025, quantity: 5000 }],
    });
    const steps = auctionSteps(registry);
    await steps.schedule();
    await steps.guarantee('steel', 5_000_000);
    await steps.bid('s1', 'steel', 3600, 1000);
    const cleared = await steps.clear();
    expect(cleared.result).toMatchObject({ status: 'cancelled', sold: 0 });
    expect((await view(registry)).result).toMatchObject({ status: 'cancelled', carriedForward: 3000 });
    expect(await holdings(registry, ['steel', 'CQ-AUCTION'])).toEqual([0, 5000]);
    await steps.schedule({ auctionId: 'A2', supply: 2000 });
    const a2 = (await registry.load('CQ')).records.auctionBook;
    expect(a2.auctions.A2?.scheduled).toMatchObject({ carriedIn: 3000, rules: { supply: 5000 } });
    expect(a2.carriedForward['CARBON_ALLOWANCE|2025']).toBe(0);
  });

  it('clears undersubscribed at the reserve when so configured and returns the unsold units to the reserve', async () => {
    const registry = await givenRegistry('CQ', {
      accounts: ['steel'],
      allowances: [{ accountId: 'CQ-AUCTION', vintage: 2025, quantity: 3000 }],
    });
    const steps = auctionSteps(registry);
    await steps.schedule({ undersubscribed: 'clear-at-reserve' });
    await steps.guarantee('steel', 5_000_000);
    await steps.bid('s1', 'steel', 3600, 1000);
    expect((await steps.clear()).result).toMatchObject({
      status: 'cleared',
      clearingPriceFen: 3000,
      sold: 1000,
    });
    expect(await holdings(registry, ['steel', 'CQ-AUCTION', 'CQ-RESERVE'])).toEqual([1000, 0, 2000]);
    expect((await view(registry)).guarantees.steel).toMatchObject({
      paidFen: 3_000_000,
      releasedFen: 2_000_000,
    });
  });

  it('releases the cost-containment reserve when demand at the trigger exceeds the supply', async () => {
    // Supply 2,000 plus up to 1,000 from the reserve at a 40.00 trigger; 3,000 bid at ≥ 40.00.
    const registry = await givenRegistry('CQ', {
      accounts: ['steel', 'cement'],
      allowances: [
        { accountId: 'CQ-AUCTION', vintage: 2025, quantity: 2000 },
        { accountId: 'CQ-RESERVE', vintage: 2025, quantity: 1000 },
      ],
    });
    const steps = auctionSteps(registry);
    await steps.schedule({ supply: 2000, costContainment: { triggerFen: 4000, quantity: 1000 } });
    await steps.guarantee('steel', 10_000_000);
    await steps.guarantee('cement', 10_000_000);
    await steps.bid('s1', 'steel', 4500, 2000);
    await steps.bid('c1', 'cement', 4000, 1000);
    const cleared = await steps.clear();
    expect(cleared.result).toMatchObject({ status: 'cleared', clearingPriceFen: 4000, sold: 3000 });
    expect(await holdings(registry, ['steel', 'cement', 'CQ-AUCTION', 'CQ-RESERVE'])).toEqual([
      2000, 1000, 0, 0,
    ]);
    expect((await view(registry)).result).toMatchObject({ ccrReleased: 1000, offered: 3000 });
  });

  it('cancels when the clearing price is far under the secondary market (EU Art. 7(6))', async () => {
    // Threshold 80 % of the secondary price 50.00 = 40.00; the auction would clear at 35.00.
    const registry = await givenRegistry('CQ', {
      accounts: ['steel', 'cement'],
      allowances: [{ accountId: 'CQ-AUCTION', vintage: 2025, quantity: 3000 }],
    });
    const steps = auctionSteps(registry);
    await steps.schedule({ cancelBelowSecondaryBp: 8000 });
    await steps.guarantee('steel', 8_000_000);
    await steps.bid('s1', 'steel', 3500, 2000);
    await steps.guarantee('cement', 8_000_000);
    await steps.bid('c1', 'cement', 3600, 1000);
    const clear = (secondaryPriceFen?: number) =>
      new ClearAuctionHandler(registry).execute(
        new ClearAuction('CQ', 'A1', {
          commandId: 'clear-A1',
          actor: 'regulator:cq-eco',
          ...(secondaryPriceFen !== undefined ? { secondaryPriceFen } : {}),
        }),
      );
    await expect(clear()).rejects.toMatchObject({
      code: 'REGISTRY.MISSING_FIELD',
      details: { field: 'secondaryPriceFen' },
    });
    expect((await clear(5000)).result).toMatchObject({ status: 'cancelled', sold: 0 });
    expect((await view(registry)).result).toMatchObject({ status: 'cancelled', carriedForward: 3000 });
    expect(await holdings(registry, ['steel', 'cement', 'CQ-AUCTION'])).toEqual([0, 0, 3000]);
  });

  it('lets the regulator cancel an open auction: guarantees released, volume carried forward', async () => {
    const { registry, steps } = await setup();
    await steps.cancel();
    const v = await view(registry);
    expect(v.status).toBe('cancelled');
    expect(v.guarantees.steel).toEqual({
      postedFen: 8_000_000,
      reservedFen: 0,
      paidFen: 0,
      releasedFen: 8_000_000,
    });
    expect(v.result).toMatchObject({ carriedForward: 3000, sold: 0, reason: 'called off' });
    expect(await holdings(registry, ['CQ-AUCTION'])).toEqual([5000]);
    expect((await steps.cancel()).replayed).toBe(true);
  });
});
