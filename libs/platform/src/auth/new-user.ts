import { PROVINCES, ROLES, type Principal } from '@app/domain';
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'must be 1–128 letters, digits, ".", "_", "@" or "-"');

/** `POST /auth/users`: a password user; what a role carries must be given, what it does not must not. */
const newUserSchema = z
  .strictObject({
    username: id,
    // As for ADMIN_PASSWORD: at least 12 characters.
    password: z.string().min(12).max(256),
    role: z.enum(ROLES),
    province: z.enum(PROVINCES).optional(),
    memberId: id.optional(),
    accountIds: z.array(id).min(1).max(100).optional(),
  })
  .superRefine((user, ctx) => {
    const need = (field: 'province' | 'memberId') =>
      user[field] === undefined &&
      ctx.addIssue({ code: 'custom', path: [field], message: `is required for a ${user.role}` });
    const forbid = (field: 'province' | 'memberId' | 'accountIds') =>
      user[field] !== undefined &&
      ctx.addIssue({ code: 'custom', path: [field], message: `is not for a ${user.role}` });
    if (user.role === 'regulator') {
      need('province');
      forbid('memberId');
      forbid('accountIds');
    } else if (user.role === 'enterprise') need('memberId');
    else ['province', 'memberId', 'accountIds'].forEach((f) => forbid(f as 'province'));
  });

export type NewUser = z.infer<typeof newUserSchema>;

export type NewUserResult =
  { ok: true; principal: Principal; password: string } | { ok: false; field: string; message: string };

/** The principal and password of a valid body, or the first offending field. */
export function parseNewUser(body: unknown): NewUserResult {
  const parsed = newUserSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : issue.path.join('.') || 'body';
    return { ok: false, field, message: `${field}: ${issue.message}` };
  }
  const { username, password, role, province, memberId, accountIds } = parsed.data;
  const principal: Principal =
    role === 'enterprise'
      ? {
          role,
          id: username,
          memberId: memberId!,
          // As in the demo, an enterprise with no accounts named holds the one of its member id.
          accountIds: accountIds ?? [memberId!],
          ...(province ? { province } : {}),
        }
      : role === 'regulator'
        ? { role, id: username, province: province! }
        : { role, id: username };
  return { ok: true, principal, password };
}
