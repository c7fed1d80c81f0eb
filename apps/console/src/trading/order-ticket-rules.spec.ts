import type { Instrument } from '../api/types';
import { checkTicket, formatFen, noListingReason, parseYuanToFen, TicketInput } from './order-ticket-rules';

const allowance: Instrument = {
  symbol: 'CQEA-2025',
  kind: 'CARBON_ALLOWANCE',
  jurisdiction: 'CQ',
  nameEn: 'Chongqing carbon allowance 2025',
  nameZh: '重庆碳排放配额2025',
  unit: 'tCO2e',
  tick: 1,
  lot: 1,
  referencePrice: 3600,
  bandBp: 1000,
  blockBandBp: 3000,
  blockMinQty: 100000,
  maxOrderQty: 99999,
  modes: ['continuous'],
};

const buy: TicketInput = { side: 'buy', type: 'limit', tif: 'GTC', price: '36.50', qty: '100' };

describe('order ticket checks (mirroring the exchange)', () => {
  it('turns a valid limit ticket into the order the gateway expects', () => {
    expect(checkTicket(buy, allowance, 'cq-steel-001')).toEqual({
      errors: {},
      ticket: {
        instrument: 'CQEA-2025',
        account: 'cq-steel-001',
        side: 'buy',
        type: 'limit',
        price: 3650,
        qty: 100,
        tif: 'GTC',
      },
    });
  });

  it('sends a market ticket without a price, as IOC', () => {
    const { ticket } = checkTicket({ ...buy, type: 'market', price: 'ignored' }, allowance, 'a');
    expect(ticket).toEqual({
      instrument: 'CQEA-2025',
      account: 'a',
      side: 'buy',
      type: 'market',
      qty: 100,
      tif: 'IOC',
    });
  });

  it.each([
    ['0', 'errors.qtyPositive'],
    ['-5', 'errors.qtyPositive'],
    ['1.5', 'errors.qtyPositive'],
    ['abc', 'errors.qtyPositive'],
    ['100000', 'errors.aboveMax'],
  ])('refuses quantity %s with %s', (qty, key) => {
    const { ticket, errors } = checkTicket({ ...buy, qty }, allowance, 'a');
    expect(ticket).toBeUndefined();
    expect(errors.qty?.key).toBe(key);
  });

  it('refuses a quantity off the lot', () => {
    expect(checkTicket({ ...buy, qty: '150' }, { ...allowance, lot: 100 }, 'a').errors.qty).toEqual({
      key: 'errors.offLot',
      params: { lot: 100 },
    });
  });

  it('uses the engine band: ±10 % of 36.00 is 32.40 to 39.60 inclusive', () => {
    expect(checkTicket({ ...buy, price: '32.40' }, allowance, 'a').ticket?.price).toBe(3240);
    expect(checkTicket({ ...buy, price: '39.60' }, allowance, 'a').ticket?.price).toBe(3960);
    expect(checkTicket({ ...buy, price: '39.61' }, allowance, 'a').errors.price).toEqual({
      key: 'errors.outsideBand',
      params: { low: 3240, high: 3960 },
    });
    expect(checkTicket({ ...buy, price: '32.39' }, allowance, 'a').errors.price?.key).toBe(
      'errors.outsideBand',
    );
  });

  it('refuses a price off the tick, zero or malformed', () => {
    expect(checkTicket({ ...buy, price: '36.55' }, { ...allowance, tick: 10 }, 'a').errors.price).toEqual({
      key: 'errors.offTick',
      params: { tick: 10 },
    });
    expect(checkTicket({ ...buy, price: '0' }, allowance, 'a').errors.price?.key).toBe(
      'errors.pricePositive',
    );
    expect(checkTicket({ ...buy, price: '36.505' }, allowance, 'a').errors.price?.key).toBe(
      'errors.pricePositive',
    );
  });

  it('refuses a buy above the available cash and a sell above the available units', () => {
    expect(checkTicket(buy, allowance, 'a', { availableCash: 364_999 }).errors.price?.key).toBe(
      'errors.notEnoughCash',
    );
    expect(checkTicket(buy, allowance, 'a', { availableCash: 365_000 }).ticket).toBeDefined();
    expect(checkTicket({ ...buy, side: 'sell' }, allowance, 'a', { availableUnits: 99 }).errors.qty).toEqual({
      key: 'errors.notEnoughUnits',
      params: { available: 99 },
    });
  });
});

describe('yuan and fen', () => {
  it.each([
    ['36', 3600],
    ['36.5', 3650],
    ['36.05', 3605],
    [' 0.01 ', 1],
  ])('parses %s yuan as %d fen', (text, fen) => expect(parseYuanToFen(text)).toBe(fen));

  it.each(['', '-1', '1e3', '36.505', '3,600'])('refuses %p', (text) =>
    expect(parseYuanToFen(text)).toBeUndefined(),
  );

  it('formats fen as yuan with two decimals', () => {
    expect([formatFen(3650), formatFen(5), formatFen(0), formatFen(-120)]).toEqual([
      '36.50',
      '0.05',
      '0.00',
      '-1.20',
    ]);
  });
});

describe('whether the instrument takes listing orders', () => {
  it('says why not: suspended (no mode) or block trades only; nothing while a listing mode is allowed', () => {
    expect(noListingReason({ modes: [] })).toBe('ticket.suspended');
    expect(noListingReason({ modes: ['block'] })).toBe('ticket.blocksOnly');
    expect(noListingReason({ modes: ['auction', 'block'] })).toBeUndefined();
    expect(noListingReason({ modes: ['continuous'] })).toBeUndefined();
  });
});
