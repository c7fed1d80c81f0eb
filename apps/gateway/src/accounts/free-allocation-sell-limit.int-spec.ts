import type { DataSource } from 'typeorm';
import { EventStore } from '@app/event-store';
import { Outbox } from '@app/messaging';
import { InstrumentCatalogue, statusForCode } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { ClearingStore } from '../../../exchange/src/clearing/clearing-store';
import { ALL_MIGRATIONS } from '../gateway.app';
import { orderCandidate } from '../orders/place-order/order-candidate';
import { OrderEntry, type OrderOutcome } from '../orders/place-order/order-entry';
import type { PlaceOrderDto } from '../orders/place-order/place-order.dto';
import { FreeAllocations } from './free-allocations';
import { OrderReservations } from './order-reservations';
import { openAccounts } from './testing/open-accounts';

const catalogue = InstrumentCatalogue.load('seeds');
const NOW = Date.UTC(2026, 10, 24, 2);

describe('Chongqing free-allocation sell limit at order entry (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: EventStore;
  let entry: OrderEntry;
  let freeAllocations: FreeAllocations;
  let n = 0;

  beforeAll(async () => {
    expect(catalogue.get('CQEA-2025')?.freeAllocationSellLimit).toEqual({ enabled: true, maxShareBp: 5000 });
    expect(catalogue.get('SCEA-2025')?.freeAllocationSellLimit?.enabled).toBe(false);
    db = await createTestDatabase({ migrations: ALL_MIGRATIONS });
    ds = db.dataSource;
    store = new EventStore(ds, { listen: false });
    const clearing = new ClearingStore(store);
    freeAllocations = new FreeAllocations(store);
    entry = new OrderEntry(
      new Outbox(),
      new OrderReservations(clearing, { buyerBp: 10, sellerBp: 10 }, freeAllocations),
    );
    // The Chongqing registry allocated cq-steel, cq-glass and cq-paper 1,000 CQEA-2025 each free;
    // cq-cement got none.
    await store.append('registry-CQ', 'any', [
      ...['steel', 'glass', 'paper'].map((firm) => ({
        type: 'UnitsTransferred',
        data: { commandId: `alloc-25:to:${firm}`, from: 'CQ-GOV', to: `cq-${firm}`, quantity: 1000 },
      })),
      {
        type: 'AllocationIssued',
        data: {
          commandId: 'alloc-25:issued',
          allocationCommandId: 'alloc-25',
          kind: 'CARBON_ALLOWANCE',
          vintage: 2025,
        },
      },
    ]);
    await freeAllocations.refresh();
    const units = { 'CQEA-2025': 1000, 'SCEA-2025': 1000 };
    await openAccounts(ds, clearing, [
      { member: 'cq-steel', units },
      { member: 'cq-cement', units },
      { member: 'cq-glass', units },
      // Deposited only 300 of its 1,000 to the exchange; the rest stays in its registry account.
      { member: 'cq-paper', units: { 'CQEA-2025': 300 } },
    ]);
    // cq-glass has already sold 400 CQEA-2025 (the settlement keeps this running total).
    await ds.query(
      `INSERT INTO clearing_sales (member_id, instrument, sold) VALUES ('cq-glass', 'CQEA-2025', 400)`,
    );
  });
  afterAll(() => db?.drop());

  const sell = (account: string, qty: number, instrument = 'CQEA-2025'): Promise<OrderOutcome> => {
    const order = {
      instrument,
      account,
      side: 'sell',
      type: 'limit',
      price: 3600,
      qty,
      tif: 'GTC',
      postOnly: false,
    };
    const candidate = orderCandidate(
      { ...order, clientOrderId: `s-${++n}` } as PlaceOrderDto,
      catalogue,
      NOW,
      4,
    );
    return ds.transaction(async (manager) => (await entry.enter(manager, [candidate]))[0]);
  };
  const reservedUnits = async (member: string, instrument: string): Promise<number> =>
    Number(
      (
        (await ds.query(`SELECT reserved FROM clearing_holdings WHERE member_id = $1 AND instrument = $2`, [
          member,
          instrument,
        ])) as { reserved: string }[]
      )[0].reserved,
    );

  it('lets a firm sell half of its free allocation, then refuses more with 422 naming qty', async () => {
    expect((await sell('cq-steel', 300)).status).toBe('received');
    expect((await sell('cq-steel', 200)).status).toBe('received');
    const refused = await sell('cq-steel', 1);
    expect(refused).toMatchObject({
      status: 'refused',
      error: { code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT', details: { field: 'qty', maxSellable: 0 } },
    });
    expect(statusForCode('EXCHANGE.FREE_ALLOCATION_SELL_LIMIT')).toBe(422);
    expect(await reservedUnits('cq-steel', 'CQEA-2025')).toBe(500);
  });

  it('counts the units a firm already sold: 400 sold leaves 100 of its 500', async () => {
    expect(await sell('cq-glass', 101)).toMatchObject({
      status: 'refused',
      error: { code: 'EXCHANGE.FREE_ALLOCATION_SELL_LIMIT', details: { field: 'qty', maxSellable: 100 } },
    });
    expect((await sell('cq-glass', 100)).status).toBe('received');
    expect(await reservedUnits('cq-glass', 'CQEA-2025')).toBe(100);
  });

  it('lets a firm that deposited only part of its allocation sell what it deposited, up to the share', async () => {
    expect((await sell('cq-paper', 300)).status).toBe('received');
  });

  it('does not limit a firm without free allocation, nor an instrument with the rule off', async () => {
    expect((await sell('cq-cement', 900)).status).toBe('received');
    expect((await sell('cq-steel', 900, 'SCEA-2025')).status).toBe('received');
  });

  it('leaves a sell beyond the holding to INSUFFICIENT_UNITS', async () => {
    expect(await sell('cq-steel', 600)).toMatchObject({
      status: 'refused',
      error: { code: 'CLEARING.INSUFFICIENT_UNITS' },
    });
  });
});
