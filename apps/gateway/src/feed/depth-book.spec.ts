import { BookEvent, PlaceOrderMessage } from '@app/contracts';
import { mulberry32 } from '@app/domain';
import { InstrumentCatalogue } from '@app/platform';
import { InstrumentBook } from '../../../exchange/src/books/instrument-book';
import { DepthBook, LevelTuple } from './depth-book';

const CQEA = InstrumentCatalogue.load('seeds').get('CQEA-2025')!;

const limit = (orderId: string, side: 'buy' | 'sell', price: number, qty: number): PlaceOrderMessage => ({
  commandId: `place:${orderId}`,
  orderId,
  instrument: 'CQEA-2025',
  account: `acct-${orderId}`,
  side,
  type: 'limit',
  price,
  qty,
  tif: 'GTC',
  postOnly: false,
  receivedAt: 0,
});

function follow(events: BookEvent[], depth: DepthBook): void {
  for (const e of events) expect(depth.apply(e, depth.version + 1)).toBe(true);
}

describe('DepthBook', () => {
  describe('given asks of 100 and 50 at 3600 and a bid of 30 at 3590', () => {
    const setup = () => {
      const book = new InstrumentBook(CQEA);
      const depth = new DepthBook();
      follow(book.place(limit('s1', 'sell', 3600, 100)), depth);
      follow(book.place(limit('s2', 'sell', 3600, 50)), depth);
      follow(book.place(limit('b1', 'buy', 3590, 30)), depth);
      depth.takeChanges();
      return { book, depth };
    };

    it('when a buy of 120 at 3600 trades, the ask level shrinks to 30 in one order and only it changed', () => {
      const { book, depth } = setup();
      follow(book.place(limit('b2', 'buy', 3600, 120)), depth);
      expect(depth.takeChanges()).toEqual({ bids: [[3600, 0, 0]], asks: [[3600, 30, 1]] });
      expect(depth.levels()).toEqual({ bids: [[3590, 30, 1]], asks: [[3600, 30, 1]] });
    });

    it('when the bid is cancelled, its level is reported gone', () => {
      const { book, depth } = setup();
      follow(book.cancel('b1'), depth);
      expect(depth.takeChanges()).toEqual({ bids: [[3590, 0, 0]], asks: [] });
      expect(depth.levels().bids).toEqual([]);
    });

    it('when an order is amended to a new price and a smaller quantity, it moves level', () => {
      const { depth } = setup();
      const amended = { type: 'OrderAmended' as const, data: { orderId: 's2', price: 3610, qty: 20 } };
      expect(depth.apply(amended, depth.version + 1)).toBe(true);
      expect(depth.takeChanges()).toEqual({
        bids: [],
        asks: [
          [3600, 100, 1],
          [3610, 20, 1],
        ],
      });
      expect(depth.levels().asks).toEqual([
        [3600, 100, 1],
        [3610, 20, 1],
      ]);
    });

    it('when an order is amended down in place, its level shrinks and keeps its count', () => {
      const { depth } = setup();
      depth.apply({ type: 'OrderAmended', data: { orderId: 's1', price: 3600, qty: 40 } }, depth.version + 1);
      expect(depth.levels().asks).toEqual([[3600, 90, 2]]);
    });

    it('refuses an event that is not the next version, changing nothing', () => {
      const { book, depth } = setup();
      const [accepted] = book.place(limit('b3', 'buy', 3580, 10));
      expect(depth.apply(accepted, depth.version + 2)).toBe(false);
      expect(depth.apply(accepted, depth.version)).toBe(false);
      expect(depth.levels().bids).toEqual([[3590, 30, 1]]);
    });
  });

  it('equals the matching engine’s depth after every command of a random market (fills, cancels, amends)', () => {
    const prng = mulberry32(7);
    const book = new InstrumentBook(CQEA);
    const depth = new DepthBook();
    const ids: string[] = [];
    for (let n = 0; n < 2000; n++) {
      if (ids.length > 0 && prng.nextInt(4) === 0) {
        follow(book.cancel(ids[prng.nextInt(ids.length)]), depth);
      } else if (ids.length > 0 && prng.nextInt(5) === 0) {
        const qty = 1 + prng.nextInt(80);
        const events = book.amend({
          commandId: `amend:${n}`,
          orderId: ids[prng.nextInt(ids.length)],
          instrument: 'CQEA-2025',
          ...(prng.nextInt(2) === 0 ? { price: 3500 + prng.nextInt(21) * 10 } : {}),
          qty,
          openQtySeen: qty,
          receivedAt: 0,
        });
        follow(events, depth);
      } else {
        const side = prng.nextInt(2) === 0 ? 'buy' : 'sell';
        const order =
          prng.nextInt(10) === 0
            ? { ...limit(`o${n}`, side, 0, 1 + prng.nextInt(80)), type: 'market' as const, price: undefined }
            : limit(`o${n}`, side, 3500 + prng.nextInt(21) * 10, 1 + prng.nextInt(80));
        ids.push(order.orderId);
        follow(book.place(order), depth);
      }
      const engine = book.depth(1000);
      const tuples = (levels: { price: number; qty: number; orders: number }[]): LevelTuple[] =>
        levels.map((l) => [l.price, l.qty, l.orders]);
      expect(depth.levels()).toEqual({ bids: tuples(engine.bids), asks: tuples(engine.asks) });
    }
  });
});
