import type { Principal } from '@app/domain';
import { DemoData, demoUsers } from './demo-data';

/** The demo users as principals: an enterprise trades as its member id, which is also its registry account. */
export function demoPrincipals(demo: DemoData): Principal[] {
  return demoUsers(demo).map((user): Principal => {
    switch (user.role) {
      case 'enterprise':
        return { role: 'enterprise', id: user.id, memberId: user.id, accountIds: [user.id], province: user.jurisdiction };
      case 'regulator':
        if (!user.jurisdiction) throw new Error(`demo regulator ${user.id} has no jurisdiction`);
        return { role: 'regulator', id: user.id, province: user.jurisdiction };
      default:
        return { role: user.role, id: user.id };
    }
  });
}

/** The sandbox's own seeding and noise traders act as this administrator (a token minted in process). */
export const DEMO_OPERATOR: Principal = { role: 'admin', id: 'sandbox-demo' };
