import type { Decision, Principal } from '@app/domain';

/**
 * A command's `actor` comes from the sign-in. When the body still sends one it must name the
 * signed-in principal (its id; for a regulator also its province's regulator body, `CQ-EEB`, as
 * for a regulator's key): anything else is refused (403) rather than silently replaced, since a
 * client that believes it acts for someone else has a bug worth hearing about.
 */
export function actorRefusal(body: unknown, principal: Principal): Decision | undefined {
  return namedOtherRefusal('actor', isObject(body) ? body.actor : undefined, principal);
}

/**
 * A body field naming who acts (`actor`, a regulator's `regulator`) must be the signed-in principal:
 * its id or, for a regulator, its province's regulator body (`CQ-EEB`). Absent: nothing to refuse.
 */
export function namedOtherRefusal(field: string, named: unknown, principal: Principal): Decision | undefined {
  if (typeof named !== 'string' || named === principal.id) return undefined;
  const province = /^(CQ|SC)-/i.exec(named)?.[1]?.toUpperCase();
  if (principal.role === 'regulator' && province === principal.province) return undefined;
  return {
    allowed: false,
    status: 403,
    reason: `${field}: signed in as ${principal.id}, the body names ${named}; leave it out or name yourself`,
  };
}

/** Where no principal is enforced (`AUTH_ENFORCE=off`): a command without `actor` acts as `who`. */
export function fillMissingActor(body: unknown, who: string): void {
  if (isObject(body) && (body.actor === undefined || body.actor === null || body.actor === ''))
    body.actor = who;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
