import { DomainError } from '../errors';
import { ACTIONS, type Action, type ActionPolicy } from './actions';
import { isProvince, ownedIds, type Principal } from './principal';

/** What a request touches, as far as access is concerned. */
export interface Resource {
  /** The province whose data or rules the request reads or changes (a path or body field). */
  jurisdiction?: string;
  /** Member / account ids the request names as its own side (the ordering account, the sender…). */
  owners?: readonly string[];
  /** `any`: one of `owners` is enough (a block trade names both sides); default `all`. */
  ownersMatch?: 'all' | 'any';
}

export type Decision =
  { allowed: true; reason: string } | { allowed: false; status: 401 | 403; reason: string };

/** The one access decision: may `principal` (undefined: no credentials) do `action` on `resource`? */
export function authorize(
  principal: Principal | undefined,
  action: Action,
  resource: Resource = {},
): Decision {
  const policy: ActionPolicy = ACTIONS[action];
  if (policy.public) return { allowed: true, reason: `${action} is public` };
  if (!principal) return { allowed: false, status: 401, reason: `${action} needs credentials` };
  const scope = policy.roles?.[principal.role];
  if (!scope)
    return { allowed: false, status: 403, reason: `${action} is not allowed to role ${principal.role}` };
  if (scope === 'own') return decideOwn(principal, action, resource);
  if (scope === 'province') return decideProvince(principal, action, resource);
  return { allowed: true, reason: `${action} allowed to role ${principal.role}` };
}

function decideOwn(principal: Principal, action: Action, resource: Resource): Decision {
  const owners = resource.owners ?? [];
  if (owners.length === 0)
    return { allowed: false, status: 403, reason: `${action} names no member or account of yours` };
  const own = ownedIds(principal);
  const foreign = owners.filter((id) => !own.has(id));
  const ok = resource.ownersMatch === 'any' ? foreign.length < owners.length : foreign.length === 0;
  return ok
    ? { allowed: true, reason: `${action} on own ${owners.join(', ')}` }
    : { allowed: false, status: 403, reason: `${action}: ${foreign.join(', ')} is not yours` };
}

function decideProvince(principal: Principal, action: Action, resource: Resource): Decision {
  if (principal.role !== 'regulator') return { allowed: true, reason: `${action} allowed` };
  const named = resource.jurisdiction?.toUpperCase();
  // A value naming no province cannot concern another regulator's: validation refuses it (400/404).
  if (named === undefined || !isProvince(named))
    return { allowed: true, reason: `${action}: no province named; left to validation` };
  const jurisdiction = named;
  if (jurisdiction === principal.province)
    return { allowed: true, reason: `${action} in own province ${principal.province}` };
  return {
    allowed: false,
    status: 403,
    reason: `${action}: a ${principal.province} regulator cannot act for ${jurisdiction}`,
  };
}

/**
 * A record with several parties (a cross-province transfer's seller and buyer, their two provinces):
 * allowed when `principal` may do `action` on any one of `resources` (an enterprise that is one of
 * the parties, a regulator of one of the provinces); otherwise the first refusal. No resource:
 * refused (401 without credentials, public actions pass).
 */
export function authorizeAny(
  principal: Principal | undefined,
  action: Action,
  resources: readonly Resource[],
): Decision {
  let refusal: Decision | undefined;
  for (const resource of resources) {
    const decision = authorize(principal, action, resource);
    if (decision.allowed) return decision;
    refusal ??= decision;
  }
  if (refusal) return refusal;
  const unnamed = authorize(principal, action);
  return unnamed.allowed && !(ACTIONS[action] as ActionPolicy).public
    ? { allowed: false, status: 403, reason: `${action}: the record names no party` }
    : unnamed;
}

/** A command refused by its handler's own check (403): the same decision as at the edge, made again. */
export class AccessDeniedError extends DomainError {
  constructor(reason: string) {
    super('ACCESS.FORBIDDEN', reason);
    this.name = 'AccessDeniedError';
  }
}

/** For handlers: throws {@link AccessDeniedError} unless `principal` may do `action` on every resource. */
export function assertAuthorized(principal: Principal, action: Action, resources: readonly Resource[]): void {
  for (const resource of resources) {
    const decision = authorize(principal, action, resource);
    if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  }
}
