import type { EntityManager } from 'typeorm';
import type { ExchangeCommandMessage, PlaceOrderMessage, SetMarketModeMessage } from '@app/contracts';
import { InstrumentCatalogue } from '@app/platform';
import { inMemoryBookCache } from '../testing/in-memory-book-cache';
import { MarketLinkage } from './market-linkage';

const catalogue = InstrumentCatalogue.load('seeds');
const manager = {} as EntityManager;

function setup() {
  const cache = inMemoryBookCache(catalogue);
  return { linkage: new MarketLinkage(cache, catalogue), book: (s: string) => cache.get(s) };
}

const place = (
  orderId: string,
  instrument: string,
  side: 'buy' | 'sell',
  price: number,
  qty: number,
): ExchangeCommandMessage => ({
  name: 'PlaceOrder',
  payload: {
    commandId: `place:${orderId}`,
    orderId,
    instrument,
    account: `${instrument.slice(0, 2).toLowerCase()}-member`,
    side,
    type: 'limit',
    price,
    qty,
    tif: 'GTC',
    postOnly: false,
    receivedAt: 1,
  } satisfies PlaceOrderMessage,
});
const mode = (
  version: string,
  m: SetMarketModeMessage['mode'],
  ratio = { CQ: 1, SC: 1 },
): ExchangeCommandMessage => ({
  name: 'SetMarketMode',
  payload: {
    commandId: `mm:${version}`,
    instrument: 'LINKED-EA-2025',
    version,
    mode: m,
    exchangeRatio: ratio,
    effectiveFrom: '2026-11-25',
    receivedAt: 2,
  },
});

describe('MarketLinkage', () => {
  it('leaves commands on their own books while the markets are separate', async () => {
    const { linkage } = setup();
    expect(await linkage.route(place('a', 'CQEA-2025', 'sell', 3600, 10), manager)).toBeUndefined();
    expect(await linkage.route(place('c', 'CCER', 'sell', 8000, 10), manager)).toBeUndefined();
  });

  it('links: purges both provinces’ books, opens the linked book in the Chongqing book’s session, records the mode once', async () => {
    const { linkage, book } = setup();
    const cq = await book('CQEA-2025');
    cq.place(place('a', 'CQEA-2025', 'sell', 3600, 10).payload as PlaceOrderMessage);
    cq.setSession({
      commandId: 'x',
      instrument: 'CQEA-2025',
      session: 'closed',
      tradingDay: '2026-11-24',
      closesDay: true,
      receivedAt: 0,
    });
    const decided = await linkage.route(mode('v1', 'linked'), manager);
    expect(decided!.map((d) => [d.book.instrument.symbol, d.events.map((e) => e.type)])).toEqual([
      ['CQEA-2025', ['OrderCancelled']],
      ['SCEA-2025', []],
      ['LINKED-EA-2025', ['SessionChanged', 'MarketModeApplied']],
    ]);
    expect((await book('LINKED-EA-2025')).session).toBe('closed');
    expect(await linkage.route(mode('v1', 'linked'), manager)).toEqual([]);
  });

  it('while linked: orders and cancels go to the linked book; block trades stay; amendments and off-ratio orders are refused', async () => {
    const { linkage, book } = setup();
    await linkage.route(mode('v1', 'linked', { CQ: 1, SC: 2 }), manager);
    const [sell] = (await linkage.route(place('s', 'SCEA-2025', 'sell', 1800, 20), manager))!;
    expect(sell.book.instrument.symbol).toBe('LINKED-EA-2025');
    expect(sell.events[0]).toMatchObject({
      type: 'OrderAccepted',
      data: { order: { price: 3600, qty: 10, leg: { instrument: 'SCEA-2025', perUnit: 2 } } },
    });
    const [odd] = (await linkage.route(place('o', 'SCEA-2025', 'sell', 1800, 3), manager))!;
    expect(odd.events).toEqual([
      {
        type: 'OrderRejected',
        data: {
          orderId: 'o',
          instrument: 'LINKED-EA-2025',
          account: 'sc-member',
          reason: 'off-exchange-ratio',
        },
      },
    ]);
    const [amend] = (await linkage.route(
      {
        name: 'AmendOrder',
        payload: {
          commandId: 'a',
          orderId: 's',
          instrument: 'SCEA-2025',
          qty: 4,
          openQtySeen: 20,
          receivedAt: 3,
        },
      },
      manager,
    ))!;
    expect(amend.events[0]).toMatchObject({
      type: 'AmendRejected',
      data: { reason: 'linked-book-no-amend' },
    });
    const block = {
      name: 'ReportBlockTrade',
      payload: {
        commandId: 'b',
        tradeId: 't',
        instrument: 'CQEA-2025',
        buyer: 'x',
        seller: 'y',
        buyOrderId: 'b1',
        sellOrderId: 's1',
        price: 3600,
        qty: 100_000,
        receivedAt: 4,
      },
    } as const;
    expect(await linkage.route(block, manager)).toBeUndefined();
    const [cancel] = (await linkage.route(
      {
        name: 'CancelOrder',
        payload: { commandId: 'c', orderId: 's', instrument: 'SCEA-2025', receivedAt: 5 },
      },
      manager,
    ))!;
    expect(cancel.events).toEqual([
      {
        type: 'OrderCancelled',
        data: { orderId: 's', instrument: 'LINKED-EA-2025', qty: 10, reason: 'user' },
      },
    ]);
    expect((await book('LINKED-EA-2025')).liveOrders).toBe(0);
  });

  it("while linked: refuses an order its own instrument's trading modes do not allow in the linked book's session", async () => {
    const { linkage, book } = setup();
    await linkage.route(mode('v1', 'linked'), manager);
    const cq = await book('CQEA-2025');
    cq.configure({
      commandId: 'configure:suspend',
      instrument: 'CQEA-2025',
      decisionId: 'suspend',
      effectiveFromMs: 0,
      changes: { modes: ['block'] },
      receivedAt: 3,
    });
    const [refused] = (await linkage.route(place('q', 'CQEA-2025', 'buy', 3600, 10), manager))!;
    expect(refused).toMatchObject({
      book: { instrument: { symbol: 'LINKED-EA-2025' } },
      events: [
        {
          type: 'OrderRejected',
          data: {
            orderId: 'q',
            instrument: 'LINKED-EA-2025',
            account: 'cq-member',
            reason: 'mode-not-allowed',
          },
        },
      ],
    });
    // Sichuan's allowance still trades there.
    const [sc] = (await linkage.route(place('r', 'SCEA-2025', 'buy', 3600, 10), manager))!;
    expect(sc.events[0]).toMatchObject({ type: 'OrderAccepted' });
    expect((await book('LINKED-EA-2025')).liveOrders).toBe(1);
  });

  it('separates: the linked book’s resting orders are cancelled, and orders return to their own books', async () => {
    const { linkage } = setup();
    await linkage.route(mode('v1', 'linked'), manager);
    await linkage.route(place('s', 'CQEA-2025', 'sell', 3600, 10), manager);
    const decided = await linkage.route(mode('v2', 'separate'), manager);
    expect(decided!.flatMap((d) => d.events)).toEqual([
      {
        type: 'OrderCancelled',
        data: { orderId: 's', instrument: 'LINKED-EA-2025', qty: 10, reason: 'market-separated' },
      },
      { type: 'MarketModeApplied', data: expect.objectContaining({ mode: 'separate', version: 'v2' }) },
    ]);
    expect(await linkage.route(place('t', 'CQEA-2025', 'sell', 3600, 10), manager)).toBeUndefined();
  });

  it('names the books a failed command may have touched', () => {
    expect(MarketLinkage.groupOf('SCEA-2025')).toEqual(['CQEA-2025', 'SCEA-2025', 'LINKED-EA-2025']);
    expect(MarketLinkage.groupOf('CCER')).toEqual(['CCER']);
  });
});
