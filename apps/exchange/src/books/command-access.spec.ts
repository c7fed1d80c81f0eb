import {
  commandsInMessage,
  SERVICE_ACTORS,
  type ExchangeCommandMessage,
  type PlaceOrderMessage,
} from '@app/contracts';
import type { Principal } from '@app/domain';
import { ACCESS_FORBIDDEN, CommandAccess, refusedEvents } from './command-access';

const alice: Principal = {
  role: 'enterprise',
  id: 'alice',
  memberId: 'cq-alice',
  accountIds: ['cq-alice'],
  province: 'CQ',
};
const admin: Principal = { role: 'admin', id: 'ops' };
const regulator: Principal = { role: 'regulator', id: 'reg-cq', province: 'CQ' };

const order = (orderId: string, account: string): PlaceOrderMessage => ({
  commandId: `place:${orderId}`,
  orderId,
  instrument: 'CQEA-2025',
  account,
  side: 'buy',
  type: 'limit',
  price: 4000,
  qty: 100,
  tif: 'GTC',
  postOnly: false,
  receivedAt: 1,
});
const place = (account: string, by?: unknown): ExchangeCommandMessage =>
  ({ name: 'PlaceOrder', payload: order('o1', account), ...(by ? { by } : {}) }) as ExchangeCommandMessage;
const cancel = (orderId: string, by?: unknown): ExchangeCommandMessage =>
  ({
    name: 'CancelOrder',
    payload: { commandId: `cancel:${orderId}`, orderId, instrument: 'CQEA-2025', receivedAt: 1 },
    ...(by ? { by } : {}),
  }) as ExchangeCommandMessage;
const amend = (orderId: string, by?: unknown): ExchangeCommandMessage =>
  ({
    name: 'AmendOrder',
    payload: {
      commandId: `amend:${orderId}`,
      orderId,
      instrument: 'CQEA-2025',
      qty: 10,
      openQtySeen: 100,
      receivedAt: 1,
    },
    ...(by ? { by } : {}),
  }) as ExchangeCommandMessage;
const block = (buyer: string, seller: string, by?: unknown): ExchangeCommandMessage =>
  ({
    name: 'ReportBlockTrade',
    payload: {
      commandId: 'report:block:t',
      tradeId: 'block:t',
      instrument: 'CQEA-2025',
      buyer,
      seller,
      buyOrderId: 'block:t:buy',
      sellOrderId: 'block:t:sell',
      price: 4000,
      qty: 10_000,
      receivedAt: 1,
    },
    ...(by ? { by } : {}),
  }) as ExchangeCommandMessage;
const session = (by?: unknown): ExchangeCommandMessage =>
  ({
    name: 'SetSession',
    payload: {
      commandId: 's',
      instrument: 'CQEA-2025',
      session: 'continuous',
      tradingDay: '2026-11-24',
      closesDay: false,
      receivedAt: 1,
    },
    ...(by ? { by } : {}),
  }) as ExchangeCommandMessage;

const owners: Record<string, string> = { 'alice-order': 'cq-alice', 'bob-order': 'sc-bob' };
const ownerOf = (orderId: string) => owners[orderId];

describe('CommandAccess (the matching worker checks every command again)', () => {
  const access = new CommandAccess({ enforce: true });

  it("lets an enterprise trade for its own account and refuses another member's, naming it", () => {
    expect(access.refusal(place('cq-alice', alice), ownerOf)).toBeUndefined();
    expect(access.refusal(place('sc-bob', alice), ownerOf)).toBe('order.trade: sc-bob is not yours');
  });

  it('refuses an order command with no principal, a malformed one, or a service actor', () => {
    expect(access.refusal(place('cq-alice'), ownerOf)).toBe('PlaceOrder carries no principal');
    expect(
      access.refusal(place('cq-alice', { role: 'enterprise', id: 'x', memberId: 'cq-alice' }), ownerOf),
    ).toBe('PlaceOrder carries a malformed principal');
    expect(access.refusal(place('cq-alice', { role: 'root', id: 'x' }), ownerOf)).toBe(
      'PlaceOrder carries a malformed principal',
    );
    expect(access.refusal(place('cq-alice', SERVICE_ACTORS.sessions), ownerOf)).toMatch(
      /acts for a signed-in principal, not service exchange.sessions/,
    );
  });

  it('refuses roles the policy does not let trade, and lets an admin trade for anyone', () => {
    expect(access.refusal(place('cq-alice', regulator), ownerOf)).toBe(
      'order.trade is not allowed to role regulator',
    );
    expect(access.refusal(place('sc-bob', admin), ownerOf)).toBeUndefined();
  });

  it("checks a cancel or amendment against the order's owner; an order no one owns is left to the book", () => {
    expect(access.refusal(cancel('alice-order', alice), ownerOf)).toBeUndefined();
    expect(access.refusal(cancel('bob-order', alice), ownerOf)).toBe('order.trade: sc-bob is not yours');
    expect(access.refusal(amend('bob-order', alice), ownerOf)).toBe('order.trade: sc-bob is not yours');
    expect(access.refusal(amend('alice-order', alice), ownerOf)).toBeUndefined();
    expect(access.refusal(cancel('gone', alice), ownerOf)).toBeUndefined();
    expect(access.refusal(cancel('bob-order'), ownerOf)).toBe('CancelOrder carries no principal');
  });

  it('lets a block trade through when either side is the enterprise', () => {
    expect(access.refusal(block('cq-alice', 'sc-bob', alice), ownerOf)).toBeUndefined();
    expect(access.refusal(block('sc-bob', 'cq-alice', alice), ownerOf)).toBeUndefined();
    expect(access.refusal(block('sc-bob', 'sc-carol', alice), ownerOf)).toBe(
      'order.trade: sc-bob, sc-carol is not yours',
    );
  });

  it("takes the services' own commands only under a service actor", () => {
    expect(access.refusal(session(SERVICE_ACTORS.sessions), ownerOf)).toBeUndefined();
    expect(access.refusal(session(), ownerOf)).toMatch(/carries no service actor/);
    expect(access.refusal(session(admin), ownerOf)).toMatch(/carries no service actor/);
  });

  it('with AUTH_ENFORCE=off lets an order without a principal through, but still checks one that has it', () => {
    const lax = new CommandAccess({ enforce: false });
    expect(lax.refusal(place('sc-bob'), ownerOf)).toBeUndefined();
    expect(lax.refusal(place('sc-bob', alice), ownerOf)).toBe('order.trade: sc-bob is not yours');
  });

  it("decides each order of a PlaceOrders by its own request's principal", () => {
    const bob: Principal = { role: 'enterprise', id: 'bob', memberId: 'sc-bob', accountIds: ['sc-bob'] };
    const commands = commandsInMessage({
      name: 'PlaceOrders',
      payload: {
        orders: [order('a', 'cq-alice'), order('b', 'sc-bob'), order('c', 'sc-bob'), order('d', 'cq-alice')],
        principals: [alice, bob],
        by: [0, 1, 0, 7],
      },
    });
    expect(commands.map((c) => access.refusal(c, ownerOf))).toEqual([
      undefined,
      undefined,
      'order.trade: sc-bob is not yours',
      'PlaceOrder carries no principal',
    ]);
    // The orders of one principal share its one object.
    expect(commands[0].by).toBe(commands[2].by);
  });
});

describe('refusedEvents', () => {
  it('records a refused order, cancel, amendment and block trade as their rejections, a service command as nothing', () => {
    const reason = ACCESS_FORBIDDEN;
    expect(refusedEvents(place('sc-bob', alice), 'why')).toEqual([
      {
        type: 'OrderRejected',
        data: { orderId: 'o1', instrument: 'CQEA-2025', account: 'sc-bob', reason, detail: 'why' },
      },
    ]);
    expect(refusedEvents(cancel('bob-order', alice), 'why')).toEqual([
      {
        type: 'OrderRejected',
        data: { orderId: 'bob-order', instrument: 'CQEA-2025', reason, detail: 'why' },
      },
    ]);
    expect(refusedEvents(amend('bob-order', alice), 'why')).toEqual([
      {
        type: 'AmendRejected',
        data: { orderId: 'bob-order', instrument: 'CQEA-2025', reason, detail: 'why' },
      },
    ]);
    expect(refusedEvents(block('a', 'b', alice), 'why')[0]).toMatchObject({
      type: 'BlockTradeRejected',
      data: { tradeId: 'block:t', reason },
    });
    expect(refusedEvents(session(), 'why')).toEqual([]);
  });
});
