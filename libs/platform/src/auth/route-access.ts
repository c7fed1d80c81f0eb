import type { Action } from '@app/domain';
import type { RecordKind } from './auth-settings';

/** Where a request names a value: a path parameter, a body field or a query parameter. */
export type FieldRef = `param:${string}` | `body:${string}` | `query:${string}`;

/** A route's access declaration: the action it performs and where its resource is named. */
export interface RouteAccess {
  action: Action;
  /** The province the request reads or changes. */
  jurisdiction?: FieldRef[];
  /** The members / accounts the request acts as (checked against an enterprise's own). */
  owners?: FieldRef[];
  ownersMatch?: 'all' | 'any';
  /** The order the route acts on: its owner is looked up (enterprises act on their own orders only). */
  order?: FieldRef;
  /**
   * The registry record the route reads or decides on: its parties are looked up. Without `side`, one
   * of them must be the principal's (an enterprise named in it, a regulator of one of its provinces);
   * with `side`, the resource is that side's province (origin: the seller's, destination: the buyer's).
   */
  record?: { kind: RecordKind; id: FieldRef; side?: 'origin' | 'destination' };
  /**
   * A body field that names who signs (a regulator's key): optional in the body; the edge sets it to
   * the signed-in principal's id, and refuses (403) a value naming someone else.
   */
  signer?: `body:${string}`;
  /** The body's `actor` is optional: the edge sets it to the signed-in principal's id. */
  fillsActor?: true;
}

const PUBLIC: RouteAccess = { action: 'public.read' };
const REFERENCE: RouteAccess = { action: 'reference.read' };
const J: FieldRef[] = ['param:jurisdiction'];
/** A registry command: its `actor` is the signed-in principal (optional in the body; naming another: 403). */
const command = (access: RouteAccess): RouteAccess => ({ ...access, fillsActor: true });
const administer: RouteAccess = command({ action: 'registry.administer', jurisdiction: J });
const hold = (...owners: FieldRef[]): RouteAccess =>
  command({ action: 'registry.hold', jurisdiction: J, owners });
/** A regulator's key: the province it is for, and the regulator it is signed as (CQ-EEB, SC-DEE), must be its own. */
const marketRules: RouteAccess = {
  action: 'market.rules',
  jurisdiction: ['body:jurisdiction', 'body:province', 'body:regulator'],
  signer: 'body:regulator',
};
/** The same for a registry command (its `actor` filled in from the credentials too). */
const marketRulesCommand: RouteAccess = { ...marketRules, fillsActor: true };
/** A record naming holders: read by its parties (and verifiers, administrators). */
const partiesRead = (kind: RecordKind, id: FieldRef): RouteAccess => ({
  action: 'registry.read',
  record: { kind, id },
});
/** One side of a cross-province transfer: that side's province's regulator decides it. */
const transferDecision = (side: 'origin' | 'destination'): RouteAccess => ({
  action: 'registry.decide',
  record: { kind: 'cross-province-transfer', id: 'param:transferId', side },
  signer: 'body:regulator',
  fillsActor: true,
});

/**
 * Every HTTP route of every service, `METHOD /path` as Nest routes it, with its access. A route
 * missing here is refused (and fails the role-matrix test), so a new endpoint must be declared.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // Platform, console, docs, demo information.
  'GET /health': PUBLIC,
  'GET /': PUBLIC,
  'GET /demo/users': PUBLIC,
  'GET /demo/compliance': PUBLIC,
  'GET /demo/status': PUBLIC,
  // Sign-in and API keys.
  'POST /auth/sign-in': { action: 'auth.sign-in' },
  'POST /auth/demo-sign-in': { action: 'auth.sign-in' },
  'GET /auth/me': REFERENCE,
  'POST /auth/api-keys': { action: 'auth.api-keys' },
  'GET /auth/api-keys': { action: 'auth.api-keys' },
  'DELETE /auth/api-keys/:keyId': { action: 'auth.api-keys' },
  'POST /auth/users': { action: 'auth.users' },
  'GET /auth/users': { action: 'auth.users' },
  'PUT /auth/users/:username': { action: 'auth.users' },
  'PUT /auth/users/:username/password': { action: 'auth.users' },
  'DELETE /auth/users/:username': { action: 'auth.users' },
  'POST /auth/password': { action: 'auth.password' },
  'GET /audit': { action: 'audit.read', jurisdiction: ['query:jurisdiction'] },
  // Public market data.
  'GET /trades': PUBLIC,
  'GET /book/:instrument': PUBLIC,
  'GET /bars/:instrument': PUBLIC,
  'GET /instruments': PUBLIC,
  'GET /instruments/:symbol': PUBLIC,
  'GET /instruments/:symbol/decisions': PUBLIC,
  'GET /instruments/:symbol/proposals': PUBLIC,
  'GET /closing-prices': PUBLIC,
  'GET /pricing-standards': PUBLIC,
  'GET /pricing-standards/in-force': PUBLIC,
  'GET /pricing-standards/benchmark-prices': PUBLIC,
  'GET /pricing-standards/co2e': PUBLIC,
  'GET /pricing-standards/price-index': PUBLIC,
  'GET /pricing-standards/:version': PUBLIC,
  'GET /market-mode': PUBLIC,
  'GET /market-mode/decisions': PUBLIC,
  'GET /carbon-inclusion/methodologies': PUBLIC,
  // Trading.
  'POST /orders': { action: 'order.trade', owners: ['body:account'] },
  'POST /orders/batch': { action: 'order.trade', owners: ['body:orders.*.account'] },
  'GET /orders/:orderId': { action: 'order.read', order: 'param:orderId' },
  'DELETE /orders/:orderId': { action: 'order.trade', order: 'param:orderId' },
  'PATCH /orders/:orderId': { action: 'order.trade', order: 'param:orderId' },
  'POST /block-trades': { action: 'order.trade', owners: ['body:buyer', 'body:seller'], ownersMatch: 'any' },
  // Members.
  'GET /members/:memberId/orders': { action: 'member.read', owners: ['param:memberId'] },
  'GET /members/:memberId/trades': { action: 'member.read', owners: ['param:memberId'] },
  'GET /members/:memberId/positions': { action: 'member.read', owners: ['param:memberId'] },
  'GET /members/:memberId/statements': { action: 'member.read', owners: ['param:memberId'] },
  'POST /members': { action: 'member.admin' },
  'POST /members/:memberId/cash-deposits': { action: 'member.admin' },
  'POST /members/:memberId/cash-withdrawals': { action: 'member.admin' },
  'POST /members/:memberId/unit-deposits': { action: 'member.admin' },
  'POST /members/:memberId/unit-withdrawals': { action: 'member.admin' },
  'POST /end-of-day': { action: 'member.admin' },
  // Rules of the market: one province's key each, the province being the regulator's own.
  'POST /instruments/:symbol/decisions': marketRules,
  'POST /pricing-standards': marketRules,
  'POST /pricing-standards/:version/approvals': marketRules,
  'POST /market-mode/decisions': marketRules,
  'POST /market-mode/decisions/:version/approvals': marketRules,
  'GET /surveillance/market': { action: 'surveillance.read' },
  'GET /surveillance/large-holders': { action: 'surveillance.read' },
  'GET /research/runs': { action: 'research.read' },
  'GET /research/runs/:runId': { action: 'research.read' },
  'GET /research/runs/:runId/report': { action: 'research.read' },
  // Registries.
  // The province's account holders: its regulator, verifiers and administrators (an enterprise reads its own account).
  'GET /registries/:jurisdiction/accounts': { action: 'registry.read', jurisdiction: J, owners: [] },
  'GET /registries/:jurisdiction/accounts/:id': {
    action: 'registry.read',
    jurisdiction: J,
    owners: ['param:id'],
  },
  'GET /registries/:jurisdiction/compliance': {
    action: 'registry.read',
    jurisdiction: J,
    owners: ['query:firmId'],
  },
  'GET /registries/:jurisdiction/custody-reconciliation': {
    action: 'registry.read',
    jurisdiction: J,
    owners: [],
  },
  'GET /registries/:jurisdiction/carbon-inclusion/issuances/:issuanceId': { ...REFERENCE, jurisdiction: J },
  'GET /registries/:jurisdiction/rule-versions': REFERENCE,
  'GET /registries/:jurisdiction/auctions': REFERENCE,
  'GET /registries/:jurisdiction/auctions/:id': REFERENCE,
  'GET /registries/:jurisdiction/supply': REFERENCE,
  'GET /recognition/net-flow': REFERENCE,
  'GET /serials/:serial': partiesRead('serial', 'param:serial'),
  'POST /registries/:jurisdiction/accounts': administer,
  'POST /registries/:jurisdiction/issuances': administer,
  'POST /registries/:jurisdiction/carbon-inclusion/issuances': administer,
  'POST /registries/:jurisdiction/msr-adjustments': administer,
  'POST /registries/:jurisdiction/compliance-runs': administer,
  'POST /registries/:jurisdiction/expiries': administer,
  'POST /registries/:jurisdiction/cancellations': administer,
  'POST /registries/:jurisdiction/rule-versions': administer,
  'POST /registries/:jurisdiction/allocations': administer,
  'POST /registries/:jurisdiction/new-entrant-allocations': administer,
  'POST /registries/:jurisdiction/true-ups': administer,
  'POST /registries/:jurisdiction/allocation-previews': administer,
  'POST /registries/:jurisdiction/true-up-previews': administer,
  'POST /registries/:jurisdiction/auctions': administer,
  'POST /registries/:jurisdiction/auctions/:id/clear': administer,
  'POST /registries/:jurisdiction/auctions/:id/cancel': administer,
  'POST /registries/:jurisdiction/locks': administer,
  'POST /registries/:jurisdiction/locks/:lockId/release': administer,
  'POST /registries/:jurisdiction/transfers': hold('body:from'),
  'POST /registries/:jurisdiction/surrenders': hold('body:from'),
  'POST /registries/:jurisdiction/retirements': hold('body:from'),
  'POST /registries/:jurisdiction/recognised-surrenders': hold('body:from'),
  'POST /registries/:jurisdiction/recognised-retirements': hold('body:from'),
  'POST /registries/:jurisdiction/custody-deposits': hold('body:memberId'),
  'POST /registries/:jurisdiction/auctions/:id/bids': hold('body:bidderId'),
  'POST /registries/:jurisdiction/auctions/:id/guarantees': hold('body:bidderId'),
  'POST /registries/:jurisdiction/emission-reports': command({
    action: 'registry.report',
    jurisdiction: J,
    owners: ['body:firmId'],
  }),
  'POST /registries/:jurisdiction/verifications': command({ action: 'registry.verify', jurisdiction: J }),
  // Between the provinces.
  'POST /recognition/agreements': marketRulesCommand,
  'POST /recognition/agreements/:version/approvals': marketRulesCommand,
  'GET /recognition/agreements': PUBLIC,
  'GET /recognition/agreements/:version': PUBLIC,
  'POST /recognition/requests': command({
    action: 'registry.hold',
    jurisdiction: ['body:origin'],
    owners: ['body:holderId'],
  }),
  'GET /recognition/requests/:requestId': partiesRead('recognition-request', 'param:requestId'),
  // An enterprise lists its own (holderId); a regulator sees those touching its province (filtered).
  'GET /recognition/requests': { action: 'registry.read', owners: ['query:holderId'] },
  'POST /recognition/timeout-sweeps': command({ action: 'operations.sweep' }),
  'POST /cross-province-transfers': command({
    action: 'registry.hold',
    jurisdiction: ['body:from'],
    owners: ['body:sellerAccountId'],
  }),
  'POST /cross-province-transfers/:transferId/outflow-decision': transferDecision('origin'),
  'POST /cross-province-transfers/:transferId/inflow-decision': transferDecision('destination'),
  'POST /cross-province-transfers/sweeps': command({ action: 'operations.sweep' }),
  'GET /cross-province-transfers/:transferId': partiesRead('cross-province-transfer', 'param:transferId'),
  'GET /cross-province-transfers': { action: 'registry.read', owners: ['query:accountId'] },
};
