/** Who may act: one of five roles. Regulators and enterprises belong to a province. */
export const ROLES = ['enterprise', 'regulator', 'verifier', 'researcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The provinces whose regulators share the joint market. */
export const PROVINCES = ['CQ', 'SC'] as const;
export type Province = (typeof PROVINCES)[number];

export type Principal =
  | {
      role: 'enterprise';
      id: string;
      /** The exchange member this enterprise trades as. */
      memberId: string;
      /** Its registry accounts (in the demo, the member id doubles as the account id). */
      accountIds: readonly string[];
      province?: Province;
    }
  | { role: 'regulator'; id: string; province: Province }
  | { role: 'verifier' | 'researcher' | 'admin'; id: string };

/** Every id an enterprise acts as: its member id and its registry accounts. */
export const ownedIds = (principal: Principal): ReadonlySet<string> =>
  principal.role === 'enterprise' ? new Set([principal.memberId, ...principal.accountIds]) : new Set();

export const isProvince = (value: unknown): value is Province =>
  typeof value === 'string' && (PROVINCES as readonly string[]).includes(value);

/** A principal as the policy reads it: a forged or damaged one (token claim, queue message, row) is none. */
export function isPrincipal(value: unknown): value is Principal {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  if (typeof p.id !== 'string' || !(ROLES as readonly string[]).includes(p.role as string)) return false;
  if (p.role === 'regulator') return isProvince(p.province);
  if (p.role === 'enterprise')
    return (
      typeof p.memberId === 'string' &&
      Array.isArray(p.accountIds) &&
      p.accountIds.every((a) => typeof a === 'string')
    );
  return true;
}
