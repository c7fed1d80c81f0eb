import type { Role } from './principal';

/**
 * How far a role's permission reaches:
 * - `any`: every resource of the action;
 * - `own`: an enterprise, only when every member/account the request names is its own (`owners`);
 * - `province`: a regulator, only when the resource's jurisdiction is its province (or none is named).
 */
export type Scope = 'any' | 'own' | 'province';

export interface ActionPolicy {
  /** Open to anyone, signed in or not (public market data, reference data, sign-in). */
  public?: true;
  /** The roles allowed, each with its reach. A role not listed is refused (403). */
  roles?: Partial<Record<Role, Scope>>;
  /** Shown in docs/security.md. */
  description: string;
}

const REGULATOR_OR_ADMIN = { regulator: 'province', admin: 'any' } as const;
const SIGNED_IN = {
  enterprise: 'any',
  regulator: 'any',
  verifier: 'any',
  researcher: 'any',
  admin: 'any',
} as const;

/** The single table of who may do what (the roles × actions table of docs/security.md). */
export const ACTIONS = {
  'public.read': { public: true, description: 'Public market and reference data, health, docs, demo info' },
  'auth.sign-in': { public: true, description: 'Sign in (password, or a demo user in demo mode)' },
  'auth.api-keys': { roles: { enterprise: 'any' }, description: 'Create / list / revoke own API keys' },
  'auth.password': { roles: SIGNED_IN, description: 'Change own password' },
  'auth.users': {
    roles: { admin: 'any' },
    description: "Create, list, change and remove users (sign-in accounts), reset a user's password",
  },
  'reference.read': {
    roles: SIGNED_IN,
    description: "Registry reference data naming no holder's data (supply, rule versions, auctions)",
  },
  'order.trade': {
    roles: { enterprise: 'own', admin: 'any' },
    description: 'Place, amend, cancel orders and report block trades for own member',
  },
  'order.read': {
    roles: { enterprise: 'own', regulator: 'any', admin: 'any' },
    description: 'Read an order',
  },
  'member.read': {
    roles: { enterprise: 'own', regulator: 'any', admin: 'any' },
    description: "A member's orders, trades, positions, statements",
  },
  'member.admin': {
    roles: { regulator: 'any', admin: 'any' },
    description: 'Admit members, cash and unit deposits/withdrawals, end of day',
  },
  // Regulators only: a joint decision needs both provinces' keys, and nobody holds both.
  'market.rules': {
    roles: { regulator: 'province' },
    description:
      "Instrument rule decisions, pricing standard and market mode proposals and approvals (own province's key)",
  },
  'surveillance.read': {
    roles: { regulator: 'any', admin: 'any' },
    description: 'Market surveillance overview',
  },
  'research.read': {
    roles: { researcher: 'any', regulator: 'any', admin: 'any' },
    description: 'Simulator runs and reports',
  },
  'registry.read': {
    roles: { enterprise: 'own', regulator: 'province', verifier: 'any', admin: 'any' },
    description:
      "Registry accounts, compliance status, custody reconciliation; a holder's records (cross-province transfers, recognition requests, serial histories): an enterprise those naming its accounts, a regulator those touching its province",
  },
  'registry.hold': {
    roles: { enterprise: 'own', regulator: 'province', admin: 'any' },
    description:
      'Move own units: transfer, surrender, retire, custody deposit, bid, recognition and cross-province requests',
  },
  'registry.report': {
    roles: { enterprise: 'own', regulator: 'province', admin: 'any' },
    description: 'Report emissions',
  },
  'registry.verify': { roles: { verifier: 'any', admin: 'any' }, description: 'Verify emission reports' },
  'registry.administer': {
    roles: REGULATOR_OR_ADMIN,
    description:
      'Open accounts, issue, allocate, expire, cancel, lock, MSR, auctions, compliance runs, rule versions, recognition decisions',
  },
  // The side's regulator only: an administrator holds no province's key.
  'registry.decide': {
    roles: { regulator: 'province' },
    description:
      "Decide one side of a cross-province transfer: the seller's province's regulator the outflow, the buyer's the inflow",
  },
  'operations.sweep': {
    roles: { admin: 'any', regulator: 'any' },
    description: 'Timeout sweeps (operations)',
  },
  'audit.read': {
    roles: { regulator: 'province', admin: 'any' },
    description: 'Audit log (own province; admin all)',
  },
} as const satisfies Record<string, ActionPolicy>;

export type Action = keyof typeof ACTIONS;

export const isAction = (value: string): value is Action => Object.hasOwn(ACTIONS, value);
