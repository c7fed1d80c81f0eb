import type { BookEvent, PlaceOrderMessage } from '@app/contracts';
import { InstrumentCatalogue } from '@app/platform';
import { InstrumentBook } from '../instrument-book';
import { linkedBookDefinition, toLinkedOrder } from './linked-order';

const catalogue = InstrumentCatalogue.load('seeds');
const rules = (s: string) => catalogue.get(s)!;
const LINKED = linkedBookDefinition('LINKED-EA-2025', (s) => catalogue.get(s))!;
const order = (
  o: Partial<PlaceOrderMessage> & Pick<PlaceOrderMessage, 'orderId' | 'account' | 'side' | 'instrument'>,
) =>
  ({
    commandId: `place:${o.orderId}`,
    type: 'limit',
    price: 3600,
    qty: 100,
    tif: 'GTC',
    postOnly: false,
    receivedAt: 1_700_000_000_000,
    ...o,
  }) as PlaceOrderMessage;
const linkedOrder = (o: PlaceOrderMessage, ratio = { CQ: 1, SC: 1 }) =>
  toLinkedOrder(o, rules(o.instrument), ratio) as PlaceOrderMessage;

describe('linked book', () => {
  it('is named after the vintage, on the CQ allowance’s rules with tick and lot 1', () => {
    expect(LINKED).toMatchObject({
      symbol: 'LINKED-EA-2025',
      jurisdiction: 'CQ',
      tick: 1,
      lot: 1,
      vintage: 2025,
    });
    expect(linkedBookDefinition('LINKED-EA-1999', (s) => catalogue.get(s))).toBeUndefined();
  });

  it('takes an order in linked units and keeps its own instrument as its leg', () => {
    const sc = order({
      orderId: 'b',
      account: 'sc-buyer',
      side: 'buy',
      instrument: 'SCEA-2025',
      price: 1900,
      qty: 40,
    });
    expect(toLinkedOrder(sc, rules('SCEA-2025'), { CQ: 1, SC: 2 })).toMatchObject({
      instrument: 'LINKED-EA-2025',
      price: 3800,
      qty: 20,
      leg: { instrument: 'SCEA-2025', perUnit: 2 },
    });
    expect(toLinkedOrder({ ...sc, qty: 41 }, rules('SCEA-2025'), { CQ: 1, SC: 2 })).toEqual({
      rejected: 'off-exchange-ratio',
    });
  });

  it('turns a market buy into IOC at the top of its own band, the price its cash was reserved at', () => {
    const m = order({
      orderId: 'm',
      account: 'a',
      side: 'buy',
      instrument: 'CQEA-2025',
      type: 'market',
      price: undefined,
    });
    expect(toLinkedOrder(m, rules('CQEA-2025'), { CQ: 1, SC: 1 })).toMatchObject({
      type: 'limit',
      tif: 'IOC',
      price: 3960,
    });
  });

  it('trades a CQ seller with an SC buyer and says what each side moves in its own units', () => {
    const book = new InstrumentBook(LINKED);
    const r = { CQ: 1, SC: 2 };
    book.place(
      linkedOrder(
        order({
          orderId: 's',
          account: 'cq-seller',
          side: 'sell',
          instrument: 'CQEA-2025',
          price: 3700,
          qty: 30,
        }),
        r,
      ),
    );
    const events = book.place(
      linkedOrder(
        order({
          orderId: 'b',
          account: 'sc-buyer',
          side: 'buy',
          instrument: 'SCEA-2025',
          price: 2000,
          qty: 40,
        }),
        r,
      ),
    );
    expect(events.find((e) => e.type === 'TradeExecuted')?.data).toMatchObject({
      instrument: 'LINKED-EA-2025',
      price: 3700,
      qty: 20,
      buyer: 'sc-buyer',
      seller: 'cq-seller',
      legs: { buy: { instrument: 'SCEA-2025', qty: 40 }, sell: { instrument: 'CQEA-2025', qty: 20 } },
    });
  });

  it('cancels every resting order at a switch, and a replay or a snapshot rebuilds the same book', () => {
    const book = new InstrumentBook(LINKED);
    const log: BookEvent[] = [];
    const record = (events: BookEvent[]) => (log.push(...events), events);
    record(
      book.applyMarketMode({
        commandId: 'x',
        instrument: 'LINKED-EA-2025',
        version: 'v1',
        mode: 'linked',
        exchangeRatio: { CQ: 1, SC: 1 },
        effectiveFrom: '2026-03-01',
        receivedAt: 1,
      }),
    );
    record(
      book.place(
        linkedOrder(
          order({ orderId: 's1', account: 'a', side: 'sell', instrument: 'SCEA-2025', price: 4000, qty: 10 }),
        ),
      ),
    );
    const restored = InstrumentBook.restore(LINKED, book.snapshot());
    const replayed = new InstrumentBook(LINKED);
    for (const e of log) replayed.replay(e);
    for (const b of [book, restored, replayed]) {
      expect(b.marketMode).toMatchObject({ version: 'v1', mode: 'linked' });
      const trade = b.place(
        linkedOrder(
          order({ orderId: 'b1', account: 'c', side: 'buy', instrument: 'CQEA-2025', price: 4000, qty: 5 }),
        ),
      );
      expect(trade.find((e) => e.type === 'TradeExecuted')?.data).toMatchObject({
        legs: { buy: { instrument: 'CQEA-2025', qty: 5 }, sell: { instrument: 'SCEA-2025', qty: 5 } },
      });
    }
    const purged = record(book.purge('market-separated'));
    expect(purged).toEqual([
      {
        type: 'OrderCancelled',
        data: { orderId: 's1', instrument: 'LINKED-EA-2025', qty: 5, reason: 'market-separated' },
      },
    ]);
    const again = new InstrumentBook(LINKED);
    for (const e of log) again.replay(e);
    expect(again.liveOrders).toBe(0);
  });
});
