import type { Principal } from '@app/domain';
import { DemoData, demoUsers } from './demo-data';

/** The demo users as principals: an enterprise trades as its member id, which is also its registry account. */
export function demoPrincipals(demo: DemoData): Principal[] {
  return demoUsers(demo).map((user): Principal => {
    switch (user.role) {
      case 'enterprise':
        return {
          role: 'enterprise',
          id: user.id,
          memberId: user.id,
          accountIds: [user.id],
          province: user.jurisdiction,
        };
      case 'regulator':
        if (!user.jurisdiction) throw new Error(`demo regulator ${user.id} has no jurisdiction`);
        return { role: 'regulator', id: user.id, province: user.jurisdiction };
      default:
        return { role: user.role, id: user.id };
    }
  });
}

/**
 * Who the sandbox's seeding and noise traders act as (tokens minted in process): a regulator of the
 * province for a regulator's key (the body names it: CQ-EEB, SC-DEE), else the demo operator, an
 * administrator named as the body's actor so the registries record the same actors as before.
 */
export function seedingPrincipal(body: unknown): Principal {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const actor = typeof fields.actor === 'string' && fields.actor ? fields.actor : undefined;
  const province = typeof fields.regulator === 'string' ? /^(CQ|SC)-/.exec(fields.regulator)?.[1] : undefined;
  if (province === 'CQ' || province === 'SC')
    return { role: 'regulator', id: actor ?? `regulator-${province.toLowerCase()}`, province };
  return { role: 'admin', id: actor ?? 'sandbox-demo' };
}
