import { InstrumentCatalogue } from '@app/platform';
import { checkAgainstInstrument } from './check-against-instrument';
import type { PlaceOrderDto } from './place-order.dto';

const instrument = InstrumentCatalogue.load().get('CQEA-2025')!; // reference 3600, ±10 %, tick 1, lot 1
const order = (o: Partial<PlaceOrderDto>): PlaceOrderDto =>
  ({
    instrument: 'CQEA-2025',
    account: 'a',
    side: 'buy',
    type: 'limit',
    price: 3600,
    qty: 10,
    tif: 'GTC',
    postOnly: false,
    ...o,
  }) as PlaceOrderDto;
const refusal = (o: Partial<PlaceOrderDto>, rules = instrument) => {
  try {
    checkAgainstInstrument(order(o), rules);
    return undefined;
  } catch (error) {
    return {
      code: (error as { code: string }).code,
      field: (error as { details: { field: string } }).details.field,
    };
  }
};

describe('checkAgainstInstrument (the edge check of the rules in force)', () => {
  it('accepts the band edges, as the engine does (32.40 and 39.60 around 36.00)', () => {
    expect(refusal({ price: 3240 })).toBeUndefined();
    expect(refusal({ price: 3960 })).toBeUndefined();
  });

  it('refuses a price outside the daily band, naming price', () => {
    expect(refusal({ price: 3961 })).toEqual({ code: 'EXCHANGE.OUTSIDE_BAND', field: 'price' });
    expect(refusal({ price: 3239 })).toEqual({ code: 'EXCHANGE.OUTSIDE_BAND', field: 'price' });
  });

  it('refuses off-tick, off-lot and oversized orders, naming the field', () => {
    expect(refusal({ price: 3605 }, { ...instrument, tick: 10 })).toEqual({
      code: 'EXCHANGE.OFF_TICK',
      field: 'price',
    });
    expect(refusal({ qty: 150 }, { ...instrument, lot: 100 })).toEqual({
      code: 'EXCHANGE.OFF_LOT',
      field: 'qty',
    });
    expect(refusal({ qty: 100_000 })).toEqual({ code: 'EXCHANGE.QTY_ABOVE_MAXIMUM', field: 'qty' });
  });

  it('lets a market order through without a price, and refuses one with a price', () => {
    expect(refusal({ type: 'market', price: undefined })).toBeUndefined();
    expect(refusal({ type: 'market', price: 3600 })).toEqual({
      code: 'EXCHANGE.PRICE_NOT_ALLOWED',
      field: 'price',
    });
  });

  it('refuses every listing order, naming the instrument, where neither continuous trading nor auctions are allowed', () => {
    for (const modes of [[], ['block']] as const)
      expect(refusal({}, { ...instrument, modes: [...modes] })).toEqual({
        code: 'EXCHANGE.MODE_NOT_ALLOWED',
        field: 'instrument',
      });
    // Either listing mode is enough at the edge: the book refuses in a session its modes do not allow.
    expect(refusal({}, { ...instrument, modes: ['auction'] })).toBeUndefined();
    expect(refusal({}, { ...instrument, modes: ['continuous'] })).toBeUndefined();
  });
});
