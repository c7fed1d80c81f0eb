import type { Principal } from '@app/domain';

/**
 * Who the console acts as: a demo user of the sandbox (GET /demo/users, signed in by POST
 * /auth/demo-sign-in) or, made by {@link userOfPrincipal}, a password user.
 */
export interface DemoUser {
  /** The member and registry account an enterprise acts for; otherwise the username. */
  id: string;
  role: 'enterprise' | 'regulator' | 'verifier' | 'researcher' | 'admin';
  /** The sign-in name of a password user, where it is not `id`. */
  username?: string;
  jurisdiction?: 'CQ' | 'SC';
  sector?: string;
  /** tCO2 per year (enterprises). */
  baselineEmissions?: number;
  nameZh: string;
  nameEn: string;
}

/** The console's user for a password sign-in: what its principal lets it act as, named by its username. */
export function userOfPrincipal(principal: Principal): DemoUser {
  const named = { username: principal.id, nameZh: principal.id, nameEn: principal.id };
  switch (principal.role) {
    case 'enterprise':
      return { id: principal.memberId, role: principal.role, jurisdiction: principal.province, ...named };
    case 'regulator':
      return { id: principal.id, role: principal.role, jurisdiction: principal.province, ...named };
    default:
      return { id: principal.id, role: principal.role, ...named };
  }
}
